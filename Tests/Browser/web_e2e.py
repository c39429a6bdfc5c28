#!/usr/bin/env python3
"""End-to-end tests of `casus serve` in a real browser (Debian's Chromium driven by Playwright),
with axe-core on every main page. Run by scripts/test after `swift test`; skips with a message
when Playwright or Chromium is missing.

Usage: web_e2e.py <path to the casus binary> <screenshot folder>
"""
import io, os, re, subprocess, sys, tempfile, urllib.request, zipfile, http.client

CASE = "boete-schuldhulp"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_support import PASSWORD, PAYLOAD, Run, require_tools

sync_playwright, Axe = require_tools("web_e2e")

casus, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
work = tempfile.mkdtemp(prefix="casus-e2e-")
store = os.path.join(work, "store")
env = dict(os.environ, CASUS_STORE=store, CASUS_KEYS=os.path.join(work, "keys.json"), CASUS_USER="e2e", CASUS_LANG="nl")
test = Run("web_e2e", casus, env)
check, run = test.check, test.casus_cli

run("init")
run("import", os.path.join(root, "Samples", f"{CASE}.json"))
for login, role in [("onderzoeker", "researcher"), ("coach", "coach"), ("lezer", "reader"), ("cjib", "agency:cjib")]:
    run("user", "add", login, "--name", f"Test {login}", "--password-stdin", stdin=PASSWORD + "\n")
    run("member", "add", CASE, login, "--role", role)
run("user", "add", "beheer", "--name", "Test beheer", "--admin", "--password-stdin", stdin=PASSWORD + "\n")
run("wederhoor", "send", CASE, "--agency", "cjib", "--kind", "ambtelijk")

server = subprocess.Popen([casus, "serve", "--port", "0"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    base = server.stdout.readline().strip()
    check(base.startswith("http://127.0.0.1:"), f"serve prints its address first ({base})")
    port = int(base.rsplit(":", 1)[1].strip("/"))

    # DNS rebinding: a request naming another host is refused.
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/", headers={"Host": "evil.example"})
    check(connection.getresponse().status == 421, "a foreign Host header is refused")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        axe = Axe()

        def session(login):
            context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, accept_downloads=True)
            page = context.new_page()
            page.on("dialog", lambda dialog: dialog.accept())
            page.goto(base)
            page.fill("#login", login)
            page.fill("#wachtwoord", PASSWORD)
            page.click("form[action='/aanmelden'] button[type=submit]")
            return context, page

        def audit(page, name):
            page.screenshot(path=os.path.join(shots, f"{name}.png"), full_page=True)
            result = axe.run(page)
            serious = [v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]
            check(not serious, f"axe: no serious or critical violations on {name}"
                  + ("" if not serious else ": " + ", ".join(v["id"] for v in serious)))
            check(page.evaluate("window.__xss") is None, f"no injected script ran on {name}")

        # The sign-in page itself.
        anon = browser.new_context(locale="nl-NL").new_page()
        anon.goto(base + "aanmelden")
        audit(anon, "aanmelden")
        anon.fill("#login", PAYLOAD)
        anon.fill("#wachtwoord", "fout")
        anon.click("form[action='/aanmelden'] button[type=submit]")
        check("Login of wachtwoord klopt niet" in anon.inner_text("main"), "a wrong password gets the one message")
        check(anon.input_value("#login") == PAYLOAD, "an HTML payload in the login field comes back as text")

        # A coach reads the dossier and sends step 2 back with a comment.
        coach_context, coach = session("coach")
        cookie = [c for c in coach_context.cookies() if c["name"].startswith("__Host-")]
        check(bool(cookie) and cookie[0]["httpOnly"] and cookie[0]["secure"] and cookie[0]["sameSite"] == "Strict",
              "the session cookie is __Host-, HttpOnly, Secure, SameSite=Strict")
        audit(coach, "dossiers")
        coach.click(f"a[href='/casus/{CASE}']")
        audit(coach, "dossier-coach")
        coach.select_option("#stap", "2")
        coach.check("input[value=teruggestuurd]")
        comment = "Alinea 3 oordeelt; beschrijf wat er gebeurde. " + PAYLOAD
        coach.fill("#opmerkingen", comment)
        coach.click("#review button[type=submit]")
        check(PAYLOAD in coach.inner_text("#reviews"), "the coach's comment is stored and shown as text")
        # Without the form token the same request is refused.
        refused = coach.request.post(f"{base}casus/{CASE}/review",
                                     form={"stap": "2", "besluit": "opmerking", "opmerkingen": "x"})
        check(refused.status == 403, "a form without the CSRF token is refused")
        # The coach fills in the Doetank gatekeepers' checklist of a phase.
        coach.goto(f"{base}casus/{CASE}/doetank?fase=3")
        audit(coach, "doetank")
        coach.check("#doetank-vraag-3-1-0")
        coach.check("#doetank-vraag-3-2-1")
        coach.fill("#doetank-notitie", "Opdrachtgever twijfelt nog. " + PAYLOAD)
        coach.click("#form-doetank button[type=submit]")
        check("1 / 2" in coach.inner_text("#doetank-reviews-kop + div table"), "the coach's Doetank review is saved")
        coach.goto(f"{base}zoeken?q={PAYLOAD}")
        audit(coach, "zoeken")

        # The researcher sees the returned step, releases the draft, opens reports, map and audit trail.
        res_context, researcher = session("onderzoeker")
        researcher.goto(f"{base}casus/{CASE}")
        route = researcher.inner_text("#route")
        check("Alinea 3 oordeelt" in route and "teruggestuurd" in route, "the researcher sees step 2 returned with the comment")
        audit(researcher, "dossier-onderzoeker")
        researcher.goto(f"{base}casus/{CASE}/rapport")
        researcher.click("form[action$='/vrijgeven']:has(input[value=concept-ambtelijk]) button")
        check("vrijgegeven" in researcher.inner_text("main"), "the researcher releases the draft to readers")
        audit(researcher, "rapport")
        researcher.goto(f"{base}casus/{CASE}/kaart")
        audit(researcher, "kaart")
        check(researcher.locator("figure.map svg").count() == 1 and researcher.locator("table tbody tr").count() > 5,
              "the journey map is inline with its table")
        # Keyboard: Tab from the top reaches the map's scroll region and then the table's.
        reached = set()
        researcher.focus("body")
        for _ in range(40):
            researcher.keyboard.press("Tab")
            reached.add(researcher.evaluate("document.activeElement.getAttribute('aria-label') || "
                                            "document.activeElement.getAttribute('aria-labelledby') || ''"))
        check("Klantreis" in reached and "tabel-kop" in reached, "the map and its table are reachable by keyboard")
        researcher.goto(f"{base}casus/{CASE}/audit")
        audit(researcher, "audit")
        trail = researcher.inner_text("main")
        check("review" in trail and "release" in trail, "the audit trail shows the review and the release")

        # A reader downloads the outside-in report as ODT; it opens as ODF.
        _, reader = session("lezer")
        reader.goto(f"{base}casus/{CASE}")
        audit(reader, "overzicht-lezer")
        check(reader.locator("#mensen").count() == 0, "a reader sees no people or consent ledger")
        reader.goto(f"{base}casus/{CASE}/rapport")
        reader.select_option("#soort", "outside-in")
        reader.select_option("#formaat", "odt")
        with reader.expect_download() as download_info:
            reader.click("button[value=download]")
        path = download_info.value.path()
        with zipfile.ZipFile(path) as odt:
            mimetype = odt.read("mimetype").decode()
            content = odt.read("content.xml").decode()
        check(mimetype == "application/vnd.oasis.opendocument.text" and "office:document-content" in content,
              "the reader's download is an ODT")
        check("Echte" not in content, "no real name in the reader's report")
        blocked = reader.goto(f"{base}casus/{CASE}/audit")
        check(blocked.status == 403, "a reader may not open the audit trail")

        # An agency contact sees only its version and answers in the wederhoor.
        _, agency = session("cjib")
        agency.goto(f"{base}casus/{CASE}")
        check(agency.url.endswith("/wederhoor"), "an agency contact lands on its wederhoor page")
        audit(agency, "wederhoor")
        agency.select_option("#formaat", "md")
        with agency.expect_download() as download_info:
            agency.click("button[value=download]")
        version = open(download_info.value.path(), encoding="utf-8").read()
        check("CJIB" in version or "cjib" in version.lower(), "the agency's version is about the agency")
        answer = "Wij herkennen de gang van zaken. " + PAYLOAD
        agency.fill("#reactie", answer)
        agency.click("form[action$='/wederhoor'] button[type=submit]")
        check("ontvangen" in agency.inner_text("main"), "the agency's response is received")
        check(agency.goto(f"{base}casus/{CASE}/kaart").status == 403, "an agency contact may not open the map")
        researcher.goto(f"{base}casus/{CASE}")
        check("Wij herkennen de gang van zaken" in researcher.inner_text("#contra-expertise"),
              "the researchers see the agency's response")
        check(researcher.evaluate("window.__xss") is None, "the response ran no script on the researcher's page")

        # A tablet, and the language switch.
        researcher.set_viewport_size({"width": 768, "height": 1024})
        researcher.goto(f"{base}casus/{CASE}")
        researcher.screenshot(path=os.path.join(shots, "dossier-tablet.png"))
        width = researcher.evaluate("document.documentElement.scrollWidth")
        check(width <= 768, f"the dossier page fits a tablet's width ({width} px)")
        researcher.click("a.lang")
        check("The route" in researcher.inner_text("#route"), "the language switch shows the page in English")
        researcher.click("a.lang")
        researcher.set_viewport_size({"width": 1280, "height": 900})

        # Members, accounts and one's own password.
        researcher.goto(f"{base}casus/{CASE}/leden")
        audit(researcher, "leden")
        check(researcher.locator("table tbody tr").count() == 4, "the members page lists the four members")
        _, admin = session("beheer")
        admin.goto(f"{base}beheer")
        audit(admin, "beheer")
        admin.fill("#nieuw-login", "nieuw")
        admin.fill("#nieuw-naam", PAYLOAD)
        admin.fill("#nieuw-wachtwoord", "groene fiets op de dijk")
        admin.click("form.card button[type=submit]")
        check(PAYLOAD in admin.inner_text("table"), "a new account is listed, its name shown as text")
        check(admin.goto(f"{base}casus/{CASE}").status == 404, "an administrator sees no dossier content")
        researcher.goto(f"{base}wachtwoord")
        audit(researcher, "wachtwoord")

        # Sign-out ends the session on the server.
        researcher.click("form[action='/afmelden'] button")
        check("/aanmelden" in researcher.url, "sign-out returns to the sign-in page")
        browser.close()
finally:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()

test.finish(shots)
