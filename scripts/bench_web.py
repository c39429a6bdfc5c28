#!/usr/bin/env python3
"""Helper of scripts/bench-web: accounts, sign-ins (timed), then wrk on the dossier and status pages."""
import json, os, re, statistics, subprocess, sys, time, urllib.parse, urllib.request, http.client
from concurrent.futures import ThreadPoolExecutor

casus, work = sys.argv[1], sys.argv[2]
PASSWORD = "een lange zin als wachtwoord voor de meting"
CLIENTS = 50

def run(*args, stdin=None):
    return subprocess.run([casus, *args], input=stdin, capture_output=True, text=True, check=True).stdout

cases = json.loads(run("case", "list", "--json"))
case = cases[len(cases) // 2]["id"]
for login, role in [("onderzoeker", "researcher"), ("lezer", "reader")]:
    run("user", "add", login, "--name", login, "--password-stdin", stdin=PASSWORD + "\n")
    run("member", "add", case, login, "--role", role)

server = subprocess.Popen([casus, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
try:
    base = server.stdout.readline().strip()
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port

    def sign_in(login):
        connection = http.client.HTTPConnection(host, port)
        body = urllib.parse.urlencode({"login": login, "wachtwoord": PASSWORD, "terug": "/"})
        started = time.perf_counter()
        connection.request("POST", "/aanmelden", body, {
            "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"})
        response = connection.getresponse()
        elapsed = time.perf_counter() - started
        cookie = response.getheader("Set-Cookie").split(";")[0]
        assert response.status == 303, response.status
        return cookie, elapsed

    one = [sign_in("onderzoeker")[1] for _ in range(5)]
    with ThreadPoolExecutor(CLIENTS) as pool:
        started = time.perf_counter()
        results = list(pool.map(sign_in, ["onderzoeker" if i % 2 == 0 else "lezer" for i in range(CLIENTS)]))
        burst = time.perf_counter() - started
    print(f"sign-in (scrypt N=2^17, r=8, p=1): one at a time median {statistics.median(one) * 1000:.0f} ms; "
          f"{CLIENTS} at once: all signed in after {burst:.1f} s")
    researchers = [c for i, (c, _) in enumerate(results) if i % 2 == 0]
    readers = [c for i, (c, _) in enumerate(results) if i % 2 == 1]

    def form_token(cookie):
        connection = http.client.HTTPConnection(host, port)
        connection.request("GET", "/", headers={"Cookie": cookie})
        page = connection.getresponse().read().decode()
        return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

    def lint_round_trip(cookies):
        """The narrative editor's lint request for a 2,000-word narrative: one writer alone, then 20
        writers typing at once (a request each 400 ms, as the editor's debounce sends them)."""
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        pieces = []
        for name in sorted(os.listdir(os.path.join(root, "Samples"))):
            if name.endswith(".json"):
                dossier = json.load(open(os.path.join(root, "Samples", name), encoding="utf-8"))
                pieces += [v["text"] for v in dossier.get("narrative", [])]
        words, text = 0, []
        while words < 2000:
            for piece in pieces:
                text.append(piece)
                words += len(piece.split())
        narrative = " ".join(" ".join(text).split()[:2000])
        sessions = [(cookie, form_token(cookie)) for cookie in cookies]

        def one(session, revision):
            cookie, token = session
            connection = http.client.HTTPConnection(host, port)
            body = urllib.parse.urlencode({"_csrf": token, "tekst": narrative, "revisie": str(revision)})
            started = time.perf_counter()
            connection.request("POST", f"/casus/{case}/lint", body, {
                "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin",
                "Cookie": cookie})
            response = connection.getresponse()
            answer = json.loads(response.read())
            elapsed = time.perf_counter() - started
            assert response.status == 200 and answer["revision"] == revision, response.status
            return elapsed

        def percentile(values, p):
            values = sorted(values)
            return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000

        alone = [one(sessions[0], i) for i in range(60)]
        print(f"lint round trip, 2,000 words, one writer: median {percentile(alone, 50):.1f} ms · "
              f"p90 {percentile(alone, 90):.1f} ms · p99 {percentile(alone, 99):.1f} ms (60 requests)")

        def writer(index):
            times, deadline, revision = [], time.perf_counter() + 20, 0
            while time.perf_counter() < deadline:
                revision += 1
                elapsed = one(sessions[index], revision)
                times.append(elapsed)
                time.sleep(max(0, 0.4 - elapsed))
            return times

        with ThreadPoolExecutor(len(sessions)) as pool:
            together = [t for times in pool.map(writer, range(len(sessions))) for t in times]
        print(f"lint round trip, 2,000 words, {len(sessions)} writers typing at once for 20 s: "
              f"median {percentile(together, 50):.1f} ms · p90 {percentile(together, 90):.1f} ms · "
              f"p99 {percentile(together, 99):.1f} ms ({len(together)} requests)")

    def wrk(name, cookies, path):
        script = os.path.join(work, f"{name}.lua")
        with open(script, "w") as f:
            f.write("cookies = {" + ",".join(json.dumps(c) for c in cookies) + "}\n")
            f.write("n = 0\nrequest = function()\n  n = n + 1\n"
                    f"  return wrk.format('GET', '{path}', {{['Cookie'] = cookies[n % #cookies + 1]}})\nend\n")
        out = subprocess.run(["wrk", "-t2", f"-c{CLIENTS}", "-d20s", "--latency", "-s", script, base.rstrip("/")],
                             capture_output=True, text=True).stdout
        pct = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M))
        rps = re.search(r"Requests/sec:\s+(\S+)", out)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        print(f"{name}: p50 {pct.get('50')} · p90 {pct.get('90')} · p99 {pct.get('99')} · "
              f"{rps.group(1) if rps else '?'} requests/s · non-2xx: {errors.group(1) if errors else 0}")

    print(f"page of case {case}; {CLIENTS} connections (one signed-in session each, in turn), "
          "2 wrk threads on the same machine, 20 s each")
    wrk("dossier page (researcher: route, people, consent, narrative + lint, timeline)", researchers, f"/casus/{case}")
    wrk("status page (reader: route and released reports)", readers, f"/casus/{case}")
    wrk("my dossiers", researchers, "/")
    lint_round_trip(researchers[:20])
finally:
    server.terminate()
    server.wait()
