"""What the browser tests share: the tools they need (or a clean skip), the pass/fail record, running
casus against a test store, and checking a page with axe-core."""
import os, subprocess, sys

PASSWORD = "een lange zin als wachtwoord voor de test"
PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">"\'&'


class Run:
    """One test script's run: its name, the failures so far, and the casus binary with its store."""

    def __init__(self, name, casus, env):
        self.name, self.casus, self.env, self.failures = name, casus, env, []

    def check(self, condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            self.failures.append(what)

    def casus_cli(self, *args, stdin=None):
        result = subprocess.run([self.casus, *args], env=self.env, input=stdin, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"casus {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def finish(self, shots):
        if self.failures:
            print(f"{self.name}: {len(self.failures)} failed")
            sys.exit(1)
        print(f"{self.name}: all passed; screenshots in {shots}")


def require_tools(name):
    """Playwright, axe-core and Debian's Chromium, or a message and a clean exit."""
    def skip(why):
        print(f"{name}: SKIPPED: {why}")
        sys.exit(0)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip("playwright is not installed (pip install playwright)")
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        skip("axe-playwright-python is not installed")
    if not os.path.exists("/usr/bin/chromium"):
        skip("/usr/bin/chromium is missing (apt install chromium)")
    return sync_playwright, Axe
