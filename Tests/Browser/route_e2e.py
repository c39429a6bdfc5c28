#!/usr/bin/env python3
"""The method in the browser, from an empty store: a researcher creates a case, answers step 0,
adds the end user, records an interview (one dated before the consent is refused, the values
kept), writes the narrative in the editor that lints as she types, and saves it; two researchers
edit the same narrative (the second save is refused with both texts shown); a closed tab keeps its
draft; versions are compared and restored. axe-core runs on every form page. Screenshots of each
step go to the screenshot folder.

Usage: route_e2e.py <path to the casus binary> <screenshot folder>
"""
import hashlib, os, subprocess, sys, tempfile, time

TRANSCRIPT = ("Ik kreeg in maart een brief van de Belastingdienst. Daarin stond dat ik 4.000 euro moest "
              "terugbetalen. Ik heb drie keer gebeld en niemand kon het uitleggen.")
# é, ë, curly quotes and an emoji before the opinion: offsets must count UTF-16 units to land on it.
OPINION = ("Karim belde op 5 maart met de Belastingdienst over zijn café. 😀 Hij zei: “Ik heb drie keer gebeld.” "
           "Dat was natuurlijk schandalig van de Belastingdienst.")
FACT = ("Karim belde op 5 maart met de Belastingdienst over zijn café. 😀 Hij zei: “Ik heb drie keer gebeld.” "
        "De medewerker zei dat de brief naar een oud adres was gestuurd.")
UNTRACEABLE = "\n\nKarim zei: “Ik heb nooit een enkele brief van hen gekregen.”"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e_support import PASSWORD, PAYLOAD, Run, require_tools

sync_playwright, Axe = require_tools("route_e2e")

casus, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
work = tempfile.mkdtemp(prefix="casus-route-e2e-")
env = dict(os.environ, CASUS_STORE=os.path.join(work, "store"), CASUS_KEYS=os.path.join(work, "keys.json"),
           CASUS_USER="e2e", CASUS_LANG="nl")
test = Run("route_e2e", casus, env)
check, run = test.check, test.casus_cli

run("init")
for login in ("anna", "bram"):
    run("user", "add", login, "--name", f"Test {login}", "--password-stdin", stdin=PASSWORD + "\n")

server = subprocess.Popen([casus, "serve", "--port", "0"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
try:
    base = server.stdout.readline().strip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        axe = Axe()

        def session(login):
            context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(base)
            page.fill("#login", login)
            page.fill("#wachtwoord", PASSWORD)
            page.click("form[action='/aanmelden'] button[type=submit]")
            return context, page

        def audit(page, name):
            page.screenshot(path=os.path.join(shots, f"route-{name}.png"), full_page=True)
            result = axe.run(page)
            serious = [v for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]
            check(not serious, f"axe: no serious or critical violations on {name}"
                  + ("" if not serious else ": " + ", ".join(v["id"] for v in serious)))
            unlabelled = page.evaluate(
                "() => [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]"
                ".filter(e => !e.labels || e.labels.length === 0).map(e => e.name)")
            check(not unlabelled, f"every field on {name} has a label" + (f": {unlabelled}" if unlabelled else ""))
            check(page.evaluate("window.__xss") is None, f"no injected script ran on {name}")

        def open_form(page, kind):
            if not page.evaluate(f"() => document.querySelector('#form-{kind} details').open"):
                page.click(f"#form-{kind} summary")

        def save(page):
            page.click("form.step-form button[type=submit]")

        anna_context, anna = session("anna")
        check("nog geen lid" in anna.inner_text("main"), "an empty store shows no dossiers")

        # A new case: a missing answer is explained next to its field, and what was typed stays.
        anna.click("a[href='/nieuwe-casus']")
        anna.fill("#veld-titel", "Toeslag teruggevorderd " + PAYLOAD)
        save(anna)
        check(anna.locator("#veld-vraagstuk-fout").count() == 1, "a missing answer is shown at its field")
        check("veld-vraagstuk-fout" in (anna.get_attribute("#veld-vraagstuk", "aria-describedby") or ""),
              "the error is linked to the field (aria-describedby)")
        check(anna.get_attribute(".problem", "role") == "alert", "the error summary is announced (role=alert)")
        check(anna.input_value("#veld-titel") == "Toeslag teruggevorderd " + PAYLOAD, "the entered title stays")
        audit(anna, "nieuwe-casus-fout")
        anna.fill("#veld-vraagstuk", "Waarom duurde het herstel zo lang?")
        save(anna)
        check("/stap" in anna.url, "the new case opens at its first step")
        case_url = anna.url.split("/stap")[0]
        check(PAYLOAD in anna.inner_text("h1"), "the title with HTML in it is shown as text")

        # Step 0: the seven preconditions.
        audit(anna, "stap0")
        for n in range(1, 8):
            anna.check(f"#veld-voorwaarde-{n}-0")
            anna.fill(f"#veld-onderbouwing-{n}", f"Onderbouwing {n}")
        save(anna)
        check("Opgeslagen" in anna.inner_text(".status"), "step 0 is saved and said so")

        # The end user, a man: his pseudonym in the dossier, his real name only in the key vault.
        check(anna.locator("#veld-pseudoniem").count() == 1, "the next step asks for the end user")
        audit(anna, "eindgebruiker")
        anna.fill("#veld-pseudoniem", "Karim")
        anna.select_option("#veld-voornaamwoord", "hij")
        anna.fill("#veld-naam", "Karim Echtenaam")
        save(anna)
        anna.goto(case_url)
        page_text = anna.content()
        check("Karim" in page_text and "Echtenaam" not in page_text, "the dossier shows the pseudonym, not the name")
        anna.goto(case_url + "/stap")

        # The interview: dated before the consent, refused with the reason; the values stay.
        check("hij" in anna.inner_text("main"), "the interview form speaks of him")
        anna.check("input[name=toestemming][value=rapport]")
        anna.fill("#veld-toestemming-moment", "2026-03-05 14:00")
        anna.fill("#veld-interview-moment", "2026-03-01 10:00")
        anna.check("#veld-veilig-0")
        anna.check("#veld-uitgelegd-0")
        # The transcript comes from a file: a PDF is refused with what casus reads, a DOCX is read in.
        bad = os.path.join(work, "transcript.pdf")
        with open(bad, "wb") as f:
            f.write(b"%PDF-1.4 not a transcript")
        anna.set_input_files("#veld-transcript-bestand", bad)
        anna.wait_for_selector("p.upload span[role=status]:has-text('.docx')", timeout=10000)
        check(anna.input_value("#veld-transcript") == "", "a PDF is refused and the field stays empty")
        try:
            import docx
            document = docx.Document()
            document.add_paragraph(TRANSCRIPT)
            upload = os.path.join(work, "transcript.docx")
            document.save(upload)
        except ImportError:
            print("route_e2e: python-docx is missing; the transcript upload uses a .txt file")
            upload = os.path.join(work, "transcript.txt")
            with open(upload, "w", encoding="utf-8") as f:
                f.write(TRANSCRIPT)
        anna.set_input_files("#veld-transcript-bestand", upload)
        anna.wait_for_function("() => document.querySelector('#veld-transcript').value.length > 0", timeout=10000)
        check(anna.input_value("#veld-transcript") == TRANSCRIPT,
              f"the transcript is read from {os.path.basename(upload)} into the field")
        save(anna)
        check("toestemming moet vóór" in anna.inner_text("#veld-interview-moment-fout"),
              "an interview dated before consent is refused with the reason at the field")
        check(anna.input_value("#veld-transcript") == TRANSCRIPT and anna.is_checked("#veld-veilig-0"),
              "the transcript and the answers stay after the refusal")
        audit(anna, "interview-fout")
        anna.fill("#veld-interview-moment", "2026-03-12 10:00")
        anna.fill("#veld-duur", "1u")
        save(anna)
        check(anna.locator("#veld-reden-kort").count() == 1, "a short interview asks for the reason")
        anna.fill("#veld-reden-kort", "Hij was moe.")
        save(anna)
        check("Opgeslagen" in anna.inner_text(".status"), "the interview is saved")

        # A recording: refused without consent for it (nothing kept), added once that consent is recorded.
        import wave
        recording = os.path.join(work, "opname.wav")
        with wave.open(recording, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(8000)
            w.writeframes(b"\x00\x00" * 8000)
        anna.goto(case_url)
        anna.set_input_files("p[data-recording] input[type=file]", recording)
        anna.wait_for_selector("p[data-recording] span[role=status]:has-text('toestemming')", timeout=10000)
        check("geen toestemming" in anna.inner_text("p[data-recording]"),
              "a recording without consent for it is refused with the reason")
        attachments = os.path.join(work, "store", "attachments")
        kept = [f for _, _, files in os.walk(attachments) for f in files] if os.path.isdir(attachments) else []
        check(not kept, f"nothing of the refused recording is kept ({kept})")
        anna.goto(case_url + "/toestemming")
        open_form(anna, "toestemming")
        anna.select_option("#toestemming-persoon", label="Karim (eindgebruiker)")
        anna.check("input[name=gegeven][value=geluidsopname]")
        anna.fill("#toestemming-moment", "2026-03-05 14:00")
        anna.click("#form-toestemming button[type=submit]")
        anna.goto(case_url)
        anna.set_input_files("p[data-recording] input[type=file]", recording)
        anna.wait_for_selector("p[data-recording] span[role=status]:has-text('toegevoegd')", timeout=10000)
        check(True, "the recording is added once consent for it is recorded")

        # Quotes: words selected in the transcript become a quote; words not in it are refused.
        anna.goto(case_url + "/citaten")
        anna.evaluate("""() => {
            const pre = document.querySelector('pre.selectable');
            const node = pre.firstChild, words = 'Ik heb drie keer gebeld';
            const start = node.textContent.indexOf(words);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + words.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            pre.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""")
        check(anna.input_value("#citaat-passage") == "Ik heb drie keer gebeld", "selected words fill the quote form")
        audit(anna, "citaten")
        anna.click("#form-citaat button[type=submit]")
        check("Ik heb drie keer gebeld" in anna.inner_text("#citaten-lijst-kop + div table"), "the quote is listed")
        open_form(anna, "citaat")
        anna.select_option("#citaat-interview", index=1)
        anna.fill("#citaat-passage", "Ik heb nooit een brief gekregen")
        anna.click("#form-citaat button[type=submit]")
        check("letterlijk" in anna.inner_text("#citaat-passage-fout"), "words not in the transcript are refused")

        # The narrative editor: the linter marks the opinion while typing, and drops it after a rewrite.
        anna.goto(case_url + "/stap")
        anna.click("a[href$='/narratief']")
        editor = "#narratief-tekst"
        anna.fill(editor, OPINION + UNTRACEABLE)
        anna.wait_for_function("() => document.querySelectorAll('#spiegel mark').length >= 2", timeout=10000)
        marks = anna.eval_on_selector_all("#spiegel mark", "ms => ms.map(m => m.textContent)")
        check("schandalig" in marks and "natuurlijk" in marks,
              f"the opinion is marked on its words after é, ë, curly quotes and an emoji ({marks})")
        check(anna.locator("#spiegel mark.quote").count() == 1, "a quote that is in no transcript is marked")
        check("schandalig" in anna.inner_text("#bevindingen"), "the finding is listed beside the text")
        audit(anna, "editor")
        anna.locator("#bevindingen button.finding").first.click()
        selected = anna.evaluate("(() => { const a = document.querySelector('#narratief-tekst');"
                                 " return a.value.slice(a.selectionStart, a.selectionEnd); })()")
        check(selected in marks, f"clicking a finding selects its words ({selected})")
        anna.locator("#bevindingen li button:has-text('uitleg')").first.click()
        anna.wait_for_selector("#bevindingen .explanation", timeout=5000)
        check(len(anna.inner_text("#bevindingen .explanation")) > 40, "explain shows the rule's rationale")
        anna.fill(editor, FACT)
        anna.wait_for_function("() => document.querySelectorAll('#spiegel mark').length === 0", timeout=10000)
        check(True, "the marks disappear after the rewrite")
        anna.evaluate("() => { const a = document.querySelector('#narratief-tekst');"
                      " a.focus(); a.setSelectionRange(a.value.length, a.value.length); }")
        anna.click("#citaat-invoegen")
        check(anna.input_value(editor).endswith("“Ik heb drie keer gebeld”"), "a quote is inserted at the cursor")
        anna.fill(editor, FACT)

        # Autosave: close the tab mid-typing, open the editor again, the draft is there.
        anna.fill(editor, FACT + "\n\nEen tweede alinea, nog niet opgeslagen.")
        time.sleep(6)
        anna.close()
        anna = anna_context.new_page()
        anna.goto(case_url + "/narratief")
        check("nog niet opgeslagen" in anna.input_value(editor), "a closed tab's draft is there when it opens again")
        check("teruggezet" in anna.inner_text(".status"), "the editor says the draft was put back")
        anna.fill("#notitie", "eerste versie")
        anna.click("#editor-form button[type=submit]")
        check("Opgeslagen" in anna.inner_text(".status"), "the narrative is saved as a version")

        # Two researchers, one narrative: the second save is refused and both texts stay.
        anna.goto(case_url + "/leden")
        anna.fill("#lid-login", "bram")
        anna.select_option("#lid-rol", "researcher")
        anna.click("form.card button[type=submit]")
        bram_context, bram = session("bram")
        bram_context.set_default_timeout(10000)
        bram.goto(case_url + "/narratief")
        anna.goto(case_url + "/narratief")
        anna.fill(editor, FACT + "\n\nAnna's aanvulling.")
        anna.click("#editor-form button[type=submit]")
        bram.fill(editor, FACT + "\n\nBrams aanvulling.")
        response = None
        with bram.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/narratief")) as info:
            bram.click("#editor-form button[type=submit]")
        response = info.value
        check(response.status == 409, f"the second save is refused ({response.status})")
        check("Anna's aanvulling" in bram.inner_text("#hun-tekst") and "Brams aanvulling" in bram.input_value(editor),
              "the refusal shows the saved text beside the typed one")
        audit(bram, "editor-conflict")
        bram.fill(editor, FACT + "\n\nAnna's aanvulling.\n\nBrams aanvulling.")
        bram.click("#editor-form button[type=submit]")
        check("Opgeslagen" in bram.inner_text(".status"), "saving again after taking the other text over works")
        bram.goto(case_url + "/narratief")
        versions = bram.locator("table tbody tr").count()
        check(versions == 3, f"every saved text is a version ({versions})")

        # Versions compared word by word, and an older one restored as a new version.
        bram.click("a:has-text('v2 → v3')")
        check(bram.locator(".diff ins").count() >= 1 and "Brams" in bram.inner_text(".diff ins"),
              "the comparison marks the added words")
        audit(bram, "verschil")
        bram.goto(case_url + "/narratief")
        bram.click("form[action$='/herstel']:has(input[value='1']) button")
        check(bram.locator("table tbody tr").count() == 4 and "nog niet opgeslagen" in bram.input_value(editor),
              "restoring version 1 makes it a new version")

        # The timeline, agencies and hand-offs, with the journey map growing beside them.
        bram.goto(case_url + "/tijdlijn")
        audit(bram, "tijdlijn")
        for name in ("Belastingdienst", "Gemeente Utrecht"):
            open_form(bram, "instantie")
            bram.fill("#instantie-naam", name)
            bram.click("#form-instantie button[type=submit]")
            check("Opgeslagen" in bram.inner_text(".status"), f"the agency {name} is added")
        open_form(bram, "gebeurtenis")
        bram.fill("#gebeurtenis-datum", "5 maart")
        bram.select_option("#gebeurtenis-wie", "belastingdienst")
        bram.fill("#gebeurtenis-wat", "De Belastingdienst stuurt een terugvordering van 4.000 euro. " + PAYLOAD)
        bram.click("#form-gebeurtenis button[type=submit]")
        check("2024-03-05" in bram.inner_text("#gebeurtenis-datum-fout"), "a date in words is explained at the field")
        check(bram.input_value("#gebeurtenis-wat").endswith(PAYLOAD), "the event's text stays after the error")
        audit(bram, "tijdlijn-fout")
        bram.fill("#gebeurtenis-datum", "2026-03-02")
        bram.wait_for_function(
            "() => (document.querySelector('#kaart-tekening svg')?.textContent || '').includes('4.000 euro')")
        check("niet opgeslagen" in bram.inner_text("#kaart-stand")
              and bram.locator("#gebeurtenissen-kop + div table").count() == 0,
              "the journey map draws the event as it is typed, before anything is saved")
        bram.screenshot(path=os.path.join(shots, "route-kaart-voorbeeld.png"), full_page=True)
        bram.check("#gebeurtenis-sleutelmoment-0")
        bram.click("#form-gebeurtenis button[type=submit]")
        check(PAYLOAD in bram.inner_text("#gebeurtenissen-kop + div table"), "the event is listed, its text as text")
        open_form(bram, "persoon")
        bram.fill("#persoon-pseudoniem", "Medewerker Ahmed")
        bram.select_option("#persoon-rol", "medewerker")
        bram.select_option("#persoon-instantie", "belastingdienst")
        bram.fill("#persoon-naam", "Ahmed Echtenaam")
        bram.click("#form-persoon button[type=submit]")
        check("Medewerker Ahmed" in bram.inner_text("#personen-kop + div table") and "Echtenaam" not in bram.content(),
              "a professional is added under a pseudonym; the real name goes to the key vault only")
        open_form(bram, "gebeurtenis")
        bram.fill("#gebeurtenis-datum", "~2026-04")
        bram.select_option("#gebeurtenis-wie", "participant:P1")
        bram.fill("#gebeurtenis-wat", "Karim belt drie keer met de gemeente.")
        bram.fill("#gebeurtenis-beleving", "Niemand kon het uitleggen.")
        bram.select_option("#gebeurtenis-impact", "-2")
        bram.click("#form-gebeurtenis button[type=submit]")
        open_form(bram, "overdracht")
        bram.select_option("#overdracht-van", "belastingdienst")
        bram.select_option("#overdracht-naar", "gemeente-utrecht")
        bram.fill("#overdracht-wat", "Melding van de terugvordering aan de schuldhulp")
        bram.check("#overdracht-gebeurd-1")
        bram.fill("#overdracht-datum", "2026-03-10")
        bram.click("#form-overdracht button[type=submit]")
        handoffs = bram.inner_text("#overdrachten-kop + div table")
        check("ontbrak" in handoffs, "a hand-off that should have happened is recorded as missing")
        check(bram.locator("#kaart-voorbeeld svg").count() == 1, "the journey map preview is on the timeline page")
        svg = bram.text_content("#kaart-voorbeeld svg")
        check("NIET GEBEURD" in svg, "the missing hand-off is on the map, marked as not happened")

        # A saved event changed later, and two people changing it at once: the second save is refused with
        # both versions side by side, nothing lost; saving again knowingly replaces it.
        anna.goto(case_url + "/wijzigen/gebeurtenis/E2")
        check(anna.input_value("#gebeurtenis-wat") == "Karim belt drie keer met de gemeente.",
              "the change form opens with what is stored")
        audit(anna, "wijzigen")
        bram.click("#gebeurtenissen-kop + div a[href$='/wijzigen/gebeurtenis/E2']")
        bram.fill("#gebeurtenis-wat", "Karim belt vier keer met de gemeente.")
        bram.click("form.step-form button[type=submit]")
        check("Gewijzigd" in bram.inner_text(".status")
              and "vier keer" in bram.inner_text("#gebeurtenissen-kop + div table"),
              "a changed event is saved under its own id")
        anna.fill("#gebeurtenis-beleving", "Steeds een ander aan de lijn. " + PAYLOAD)
        with anna.expect_response(lambda r: r.request.method == "POST" and "/wijzigen/" in r.url) as info:
            anna.click("form.step-form button[type=submit]")
        compared = anna.inner_text(".compare")
        check(info.value.status == 409 and "vier keer" in compared and "drie keer" in compared,
              "a change over someone else's newer change is refused, both versions shown")
        check(anna.input_value("#gebeurtenis-beleving").endswith(PAYLOAD), "what was typed stays in the form")
        anna.screenshot(path=os.path.join(shots, "route-wijzigen-conflict.png"), full_page=True)
        audit(anna, "wijzigen-conflict")
        anna.fill("#gebeurtenis-wat", "Karim belt vier keer met de gemeente.")
        anna.click("form.step-form button[type=submit]")
        check("Gewijzigd" in anna.inner_text(".status"), "saving again after comparing is accepted")
        anna.goto(case_url + "/wijzigen/gebeurtenis/E2")
        check(anna.input_value("#gebeurtenis-beleving").endswith(PAYLOAD)
              and anna.input_value("#gebeurtenis-wat").startswith("Karim belt vier keer"),
              "both people's changes are in the event")

        # Contra-expertise and a leervraag linked to the facts.
        bram.goto(case_url + "/contra-expertise")
        open_form(bram, "bevinding")
        bram.select_option("#bevinding-instantie", "belastingdienst")
        bram.fill("#bevinding-bewering", "De brief ging naar een oud adres.")
        bram.select_option("#bevinding-uitkomst", index=1)
        bram.check("#bevinding-gebeurtenissen-0")
        bram.click("#form-bevinding button[type=submit]")
        check("oud adres" in bram.inner_text("#bevindingen-kop + div table"), "the finding is listed")
        open_form(bram, "wederhoor")
        bram.select_option("#wederhoor-instantie", "belastingdienst")
        bram.click("#form-wederhoor button[type=submit]")
        open_form(bram, "wederhoor-reactie")
        bram.fill("#wederhoor-reactie-reactie", "Wij herkennen het beeld. " + PAYLOAD)
        bram.click("#form-wederhoor-reactie button[type=submit]")
        check("Wij herkennen het beeld" in bram.inner_text("#wederhoor-rondes-kop + div table"),
              "a wederhoor round is sent and its response recorded verbatim")
        audit(bram, "contra-expertise")
        bram.goto(case_url + "/leervragen")
        open_form(bram, "leervraag")
        bram.fill("#leervraag-leervraag", "Hoe hoort de gemeente van een terugvordering?")
        bram.click("#form-leervraag button[type=submit]")
        check(bram.locator("#leervraag-feiten-fout").count() == 1, "a leervraag without facts is refused at the field")
        bram.check("#leervraag-feiten-0")
        bram.click("#form-leervraag button[type=submit]")
        check("Hoe hoort de gemeente" in bram.inner_text("#leervragen-lijst-kop + div table"), "the leervraag is listed")
        audit(bram, "leervragen")

        # Removing asks first and can be undone, links and all.
        bram.goto(case_url + "/tijdlijn")
        bram.click("#gebeurtenissen-kop + div form[action$='/verwijderen']:has(input[value=E1]) button")
        check("ongedaan" in bram.inner_text("main"), "removing an event asks first and says it can be undone")
        audit(bram, "verwijderen")
        bram.click("form[action$='/verwijderen'] button:has-text('Verwijderen')")
        check("E1" not in bram.inner_text("#gebeurtenissen-kop + div table"), "the event is removed")
        bram.goto(case_url + "/leervragen")
        check("E1" not in bram.inner_text("#leervragen-lijst-kop + div table"), "its link from the leervraag went with it")
        bram.goto(case_url + "/geschiedenis")
        audit(bram, "geschiedenis")
        bram.click("form[action$='/herstellen'] button")
        check("Teruggezet" in bram.inner_text(".status"), "the removal is undone from the history")
        bram.goto(case_url + "/leervragen")
        check("E1" in bram.inner_text("#leervragen-lijst-kop + div table"), "the event is back with its link")

        # The outside-in report and the journey map, downloaded without a terminal.
        bram.goto(case_url + "/rapport")
        bram.select_option("#soort", "outside-in")
        bram.select_option("#formaat", "md")
        try:
            with bram.expect_download() as download_info:
                bram.click("button[value=download]")
        except Exception:
            raise SystemExit("route_e2e: no report download: " + bram.inner_text("main")[:800])
        report = open(download_info.value.path(), encoding="utf-8").read()
        check("Karim" in report and "Echtenaam" not in report, "the outside-in report uses the pseudonym only")
        bram.goto(case_url + "/kaart")
        check(bram.locator("figure.map svg").count() == 1, "the journey map opens")
        bram.goto(case_url + "/stap")
        bram.screenshot(path=os.path.join(shots, "route-stap-na-afloop.png"), full_page=True)

        # Consent: recorded per purpose, withdrawn with the material it touches listed first, then erased.
        bram.goto(case_url + "/toestemming")
        audit(bram, "toestemming")
        open_form(bram, "toestemming")
        bram.select_option("#toestemming-persoon", label="Karim (eindgebruiker)")
        bram.check("input[name=gegeven][value='delen:belastingdienst']")
        bram.fill("#toestemming-moment", "2026-03-20 10:00")
        # The signed form as evidence: a file that only claims to be a PDF is refused at the field, and
        # nothing of it is kept; a real PDF is stored by its hash and opened only by those who may.
        fake = os.path.join(work, "formulier.pdf")
        with open(fake, "w", encoding="utf-8") as f:
            f.write("Dit is geen pdf maar tekst.\n")
        stored_before = sorted(f for _, _, files in os.walk(attachments) for f in files)
        bram.set_input_files("#toestemming-bewijs", fake)
        bram.click("#form-toestemming button[type=submit]")
        check("geen PDF" in bram.inner_text("#toestemming-bewijs-fout")
              and bram.is_checked("input[name=gegeven][value='delen:belastingdienst']"),
              "a file that is not a PDF or scan is refused beside its field, the other answers kept")
        check(sorted(f for _, _, files in os.walk(attachments) for f in files) == stored_before,
              "nothing of the refused file is stored")
        signed = os.path.join(work, "getekend.pdf")
        pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        with open(signed, "wb") as f:
            f.write(pdf)
        bram.set_input_files("#toestemming-bewijs", signed)
        bram.click("#form-toestemming button[type=submit]")
        check("Opgeslagen" in bram.inner_text(".status"), "sharing consent with an agency is recorded, with evidence")
        sha = hashlib.sha256(pdf).hexdigest()
        check(any(f.startswith(sha) for _, _, files in os.walk(attachments) for f in files),
              "the signed form is stored under its SHA-256")
        audit(bram, "toestemming-bewijs")
        with bram.expect_download() as download:
            bram.click("#bewijs-kop ~ ul a")
        check(open(download.value.path(), "rb").read() == pdf, "the evidence opens as it was sent")
        bram.goto(case_url + "/audit")
        check("view-evidence" in bram.inner_text("main"),
              "opening the evidence is in the audit log")
        bram.goto(case_url + "/toestemming")
        open_form(bram, "intrekking")
        bram.select_option("#intrekking-persoon", label="Karim (eindgebruiker)")
        bram.check("#intrekking-alles-0")
        bram.fill("#intrekking-moment", "2026-04-01 09:00")
        bram.click("#form-intrekking button[type=submit]")
        touched = bram.inner_text("main")
        check("transcript" in touched.lower() and "Intrekking vastleggen" in touched,
              "a withdrawal lists the material it touches before it is recorded")
        audit(bram, "intrekken")
        bram.click("button:has-text('Intrekking vastleggen')")
        check("Opgeslagen" in bram.inner_text(".status"), "the withdrawal is recorded")
        bram.click("button:has-text('Wissen wat onder een intrekking valt')")
        check("definitief" in bram.inner_text("main"), "erasing says it is final before it happens")
        audit(bram, "wissen")
        bram.click("button:has-text('Definitief wissen')")
        check("Gewist" in bram.inner_text(".status"), "the material is erased")
        bram.goto(case_url)
        check("niemand kon het uitleggen" not in bram.content(), "the erased transcript is gone from the dossier")

        # A form without its token is refused.
        refused = bram.request.post(case_url + "/stap", form={"check": "x"})
        check(refused.status == 403, "a step form without the CSRF token is refused")
        browser.close()
finally:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()

test.finish(shots)
