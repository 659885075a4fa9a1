"""Sentence frames and phrase tables for demo texts in the nine hub languages.

Slots are filled with names, nominative vocabulary labels (after a colon, so
no case ending depends on them) or Polish/English phrases written already in
the case their frame needs. A text is several sentences, each drawn from its
own pool of frames, so texts vary combinatorially without lorem ipsum.
"""

from __future__ import annotations

__all__ = [
    "ASSET_DETAILS",
    "ASSET_FRAMES",
    "ASSET_TITLES",
    "BUDGET_PHRASES",
    "LANGUAGE_NAMES",
    "NEED_FRAMES",
    "OFFER_FRAMES",
    "ORG_FRAMES",
    "PERIOD_FORMATS",
    "PRODUCT_CATEGORY_LABELS",
    "PRODUCT_FRAMES",
    "RIGHTS",
    "TIMEFRAME_PHRASES",
]

LANGUAGES = ("pl", "en", "de", "hu", "it", "sl", "hr", "cs", "sk")

#: LANGUAGE_NAMES[text language][language code], nominative.
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    lang: dict(zip(LANGUAGES, names.split(","), strict=True))
    for lang, names in {
        "pl": "polski,angielski,niemiecki,węgierski,włoski,słoweński,chorwacki,czeski,słowacki",
        "en": "Polish,English,German,Hungarian,Italian,Slovenian,Croatian,Czech,Slovak",
        "de": "Polnisch,Englisch,Deutsch,Ungarisch,Italienisch,Slowenisch,Kroatisch,Tschechisch,Slowakisch",
        "hu": "lengyel,angol,német,magyar,olasz,szlovén,horvát,cseh,szlovák",
        "it": "polacco,inglese,tedesco,ungherese,italiano,sloveno,croato,ceco,slovacco",
        "sl": "poljščina,angleščina,nemščina,madžarščina,italijanščina,slovenščina,hrvaščina,češčina,slovaščina",
        "hr": "poljski,engleski,njemački,mađarski,talijanski,slovenski,hrvatski,češki,slovački",
        "cs": "polština,angličtina,němčina,maďarština,italština,slovinština,chorvatština,čeština,slovenština",
        "sk": "poľština,angličtina,nemčina,maďarčina,taliančina,slovinčina,chorvátčina,čeština,slovenčina",
    }.items()
}

_BANDS = ("under_5k", "5k_20k", "20k_50k", "50k_150k", "over_150k", "unknown")
#: BUDGET_PHRASES[language][band]
BUDGET_PHRASES: dict[str, dict[str, str]] = {
    lang: dict(zip(_BANDS, phrases.split("|"), strict=True))
    for lang, phrases in {
        "pl": "do 5 tys. euro|5–20 tys. euro|20–50 tys. euro|50–150 tys. euro|ponad 150 tys. euro|do ustalenia",
        "en": "up to €5,000|€5,000–20,000|€20,000–50,000|€50,000–150,000|over €150,000|to be agreed",
        "de": "bis 5.000 €|5.000–20.000 €|20.000–50.000 €|50.000–150.000 €|über 150.000 €|nach Vereinbarung",
        "hu": "legfeljebb 5000 euró|5000–20 000 euró|20 000–50 000 euró|50 000–150 000 euró|több mint 150 000 euró|egyeztetés alapján",
        "it": "fino a 5.000 euro|5.000–20.000 euro|20.000–50.000 euro|50.000–150.000 euro|oltre 150.000 euro|da concordare",
        "sl": "do 5.000 EUR|5.000–20.000 EUR|20.000–50.000 EUR|50.000–150.000 EUR|več kot 150.000 EUR|po dogovoru",
        "hr": "do 5.000 eura|5.000–20.000 eura|20.000–50.000 eura|50.000–150.000 eura|više od 150.000 eura|po dogovoru",
        "cs": "do 5 000 EUR|5 000–20 000 EUR|20 000–50 000 EUR|50 000–150 000 EUR|přes 150 000 EUR|dohodou",
        "sk": "do 5 000 eur|5 000 – 20 000 eur|20 000 – 50 000 eur|50 000 – 150 000 eur|viac ako 150 000 eur|dohodou",
    }.items()
}

_TIMEFRAMES = ("under_3m", "3_6m", "6_12m", "over_12m")
#: TIMEFRAME_PHRASES[language][timeframe]
TIMEFRAME_PHRASES: dict[str, dict[str, str]] = {
    lang: dict(zip(_TIMEFRAMES, phrases.split("|"), strict=True))
    for lang, phrases in {
        "pl": "do 3 miesięcy|3–6 miesięcy|6–12 miesięcy|ponad 12 miesięcy",
        "en": "up to 3 months|3–6 months|6–12 months|more than 12 months",
        "de": "bis zu 3 Monate|3–6 Monate|6–12 Monate|über 12 Monate",
        "hu": "legfeljebb 3 hónap|3–6 hónap|6–12 hónap|több mint 12 hónap",
        "it": "fino a 3 mesi|3–6 mesi|6–12 mesi|oltre 12 mesi",
        "sl": "do 3 mesece|3–6 mesecev|6–12 mesecev|več kot 12 mesecev",
        "hr": "do 3 mjeseca|3–6 mjeseci|6–12 mjeseci|više od 12 mjeseci",
        "cs": "do 3 měsíců|3–6 měsíců|6–12 měsíců|déle než 12 měsíců",
        "sk": "do 3 mesiacov|3 – 6 mesiacov|6 – 12 mesiacov|viac ako 12 mesiacov",
    }.items()
}

# Need descriptions. Slots: {org}, {loc}, {city}, {object} (pl/en accusative phrase),
# {title}, {domain}, {asset}, {competences}, {budget}, {timeframe}, {languages}.
# The "asset" pool is used only when the need points at an asset.
NEED_FRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "intro": (
            "{org} szuka partnera z sektora kreatywnego do nowego projektu.",
            "Zapraszamy do współpracy studia kreatywne, firmy technologiczne i niezależnych twórców.",
            "Od lat działamy {loc} i chcemy pokazać nasze dziedzictwo w nowy sposób.",
            "Szukamy wykonawcy, który ma doświadczenie w pracy z instytucjami kultury.",
            "{org} przygotowuje nowe przedsięwzięcie i szuka do niego partnera.",
            "Chcemy otworzyć się na współpracę z branżą kreatywną i technologiczną.",
        ),
        "goal": (
            "Chcemy przygotować {object}.",
            "Planujemy stworzyć {object}.",
            "Potrzebujemy wsparcia, aby zrealizować {object}.",
            "W najbliższym roku zamierzamy wdrożyć {object}.",
            "Zależy nam na tym, aby opracować {object}.",
        ),
        "context": (
            "Projekt dotyczy obszaru: {domain}.",
            "Tematyka projektu: {domain}.",
            "Punktem wyjścia będą nasze zbiory i wiedza zespołu; obszar: {domain}.",
            "Odbiorcami będą przede wszystkim rodziny z dziećmi, grupy szkolne i turyści.",
            "Chcemy dotrzeć zwłaszcza do młodzieży, która rzadko odwiedza instytucje kultury.",
        ),
        "asset": (
            "Projekt dotyczy obiektu „{asset}”.",
            "W centrum projektu będzie obiekt „{asset}”, udostępniony do twórczego wykorzystania.",
        ),
        "skills": (
            "Oczekujemy kompetencji w zakresie: {competences}.",
            "Szukamy zespołu z doświadczeniem w takich obszarach jak: {competences}.",
            "Mile widziane doświadczenie: {competences}.",
        ),
        "practical": (
            "Szacowany budżet: {budget}, planowany czas realizacji: {timeframe}.",
            "Budżet projektu: {budget}. Czas realizacji: {timeframe}.",
            "Dysponujemy budżetem w przedziale: {budget}; projekt powinien zamknąć się w terminie: {timeframe}.",
        ),
        "languages": (
            "Wersje językowe efektu: {languages}.",
            "Treści powinny być dostępne w językach: {languages}.",
        ),
        "closing": (
            "Zapraszamy do kontaktu i przesyłania portfolio.",
            "Chętnie spotkamy się podczas najbliższego wydarzenia brokerskiego.",
            "Prosimy o krótką propozycję współpracy i przykłady wcześniejszych realizacji.",
            "Jesteśmy otwarci także na partnerów ze Słowacji, Węgier i Ukrainy.",
            "Możliwe jest wspólne ubieganie się o dofinansowanie.",
        ),
    },
    "en": {
        "intro": (
            "{org} is looking for a creative or technology partner for a new project.",
            "We invite creative studios, technology companies and independent makers to work with us.",
            "We have worked {loc_en} for many years and want to present our heritage in a new way.",
            "We are looking for a team with experience of working with cultural institutions.",
            "{org} is preparing a new initiative and needs a partner to deliver it.",
            "We want to open up to the creative and technology sectors.",
        ),
        "goal": (
            "We want to develop {object}.",
            "We plan to create {object}.",
            "We need support to deliver {object}.",
            "Over the next year we intend to launch {object}.",
            "Our aim is to deliver {object}.",
        ),
        "context": (
            "The project concerns: {domain}.",
            "Subject area: {domain}.",
            "It will build on our collections and our staff's expertise in the field of {domain_lower}.",
            "The main audiences are families with children, school groups and tourists.",
            "We especially want to reach young people who rarely visit cultural institutions.",
        ),
        "asset": (
            "The project is built around “{asset}”.",
            "At its centre is “{asset}”, which we have opened for creative reuse.",
        ),
        "skills": (
            "We are looking for skills in: {competences}.",
            "The ideal partner has experience in {competences_and}.",
            "Relevant experience: {competences}.",
        ),
        "practical": (
            "Estimated budget: {budget}; planned duration: {timeframe}.",
            "Budget: {budget}. Timeframe: {timeframe}.",
            "We can offer a budget of {budget} and expect the work to take {timeframe}.",
        ),
        "languages": (
            "Language versions: {languages}.",
            "The content must be available in {languages_and}.",
        ),
        "closing": (
            "Please get in touch and send us your portfolio.",
            "We would be glad to meet at the next matchmaking event.",
            "Please send a short proposal with examples of previous work.",
            "Partners from neighbouring countries are very welcome.",
            "A joint funding application is possible.",
        ),
    },
    "de": {
        "intro": ("{org} sucht einen Partner aus der Kreativwirtschaft.",
                  "Wir suchen ein Kreativstudio oder einen Technologiepartner für ein neues Vorhaben.",
                  "Seit vielen Jahren arbeiten wir {loc} und möchten unser Erbe neu vermitteln."),
        "goal": ("Geplant ist folgendes Projekt: {title}.", "Unser Vorhaben: {title}."),
        "context": ("Themenschwerpunkt: {domain}.", "Zielgruppen sind vor allem Familien, Schulklassen und Gäste aus dem Ausland."),
        "asset": ("Das Projekt bezieht sich auf das Objekt „{asset}“.",),
        "skills": ("Gefragt sind Kompetenzen in folgenden Bereichen: {competences}.",
                   "Erfahrung in diesen Bereichen ist erwünscht: {competences}."),
        "practical": ("Budget: {budget}; geplanter Zeitraum: {timeframe}.", "Budgetrahmen: {budget}. Laufzeit: {timeframe}."),
        "languages": ("Sprachfassungen: {languages}.",),
        "closing": ("Wir freuen uns auf Ihre Kontaktaufnahme und Referenzen.",
                    "Gerne treffen wir uns beim nächsten Matchmaking-Event."),
    },
    "hu": {
        "intro": ("{org}: partnert keresünk a kreatív ágazatból.",
                  "Kreatív stúdiót vagy technológiai partnert keresünk egy új projekthez.",
                  "Régóta működünk {loc}, és új módon szeretnénk bemutatni örökségünket."),
        "goal": ("Tervezett projektünk: {title}.", "A projekt témája: {title}."),
        "context": ("Tematikus terület: {domain}.", "Célközönségünk elsősorban a családok, az iskolai csoportok és a turisták."),
        "asset": ("A projekt a következő tárgyhoz kapcsolódik: „{asset}”.",),
        "skills": ("Az alábbi területeken várunk tapasztalatot: {competences}.", "Elvárt kompetenciák: {competences}."),
        "practical": ("Költségkeret: {budget}. Tervezett időtartam: {timeframe}.",),
        "languages": ("Nyelvi változatok: {languages}.",),
        "closing": ("Várjuk jelentkezését referenciákkal együtt.",
                    "Szívesen találkozunk a következő partnerkereső rendezvényen."),
    },
    "it": {
        "intro": ("{org} cerca un partner del settore creativo.",
                  "Cerchiamo uno studio creativo o un partner tecnologico per un nuovo progetto.",
                  "Operiamo {loc} da molti anni e vogliamo raccontare il nostro patrimonio in modo nuovo."),
        "goal": ("Progetto previsto: {title}.", "Titolo del progetto: {title}."),
        "context": ("Ambito tematico: {domain}.", "Il pubblico principale: famiglie, scuole e turisti."),
        "asset": ("Il progetto riguarda l'oggetto «{asset}».",),
        "skills": ("Cerchiamo competenze nei seguenti ambiti: {competences}.", "Competenze richieste: {competences}."),
        "practical": ("Budget: {budget}. Durata prevista: {timeframe}.",),
        "languages": ("Versioni linguistiche: {languages}.",),
        "closing": ("Attendiamo proposte e referenze.", "Saremo felici di incontrarvi al prossimo evento di matchmaking."),
    },
    "sl": {
        "intro": ("{org} išče partnerja iz kreativnega sektorja.",
                  "Iščemo kreativni studio ali tehnološkega partnerja za nov projekt.",
                  "Že vrsto let delujemo {loc} in želimo dediščino predstaviti na nov način."),
        "goal": ("Načrtovani projekt: {title}.", "Naš projekt: {title}."),
        "context": ("Tematsko področje: {domain}.", "Ciljne skupine so predvsem družine, šolske skupine in turisti."),
        "asset": ("Projekt se nanaša na predmet »{asset}«.",),
        "skills": ("Pričakujemo izkušnje na naslednjih področjih: {competences}.", "Zahtevane kompetence: {competences}."),
        "practical": ("Proračun: {budget}. Predvideno trajanje: {timeframe}.",),
        "languages": ("Jezikovne različice: {languages}.",),
        "closing": ("Veselimo se vaših predlogov in referenc.",
                    "Z veseljem se srečamo na naslednjem dogodku za iskanje partnerjev."),
    },
    "hr": {
        "intro": ("{org} traži partnera iz kreativnog sektora.",
                  "Tražimo kreativni studio ili tehnološkog partnera za novi projekt.",
                  "Već dugi niz godina djelujemo {loc} i želimo baštinu predstaviti na nov način."),
        "goal": ("Planirani projekt: {title}.", "Naš projekt: {title}."),
        "context": ("Tematsko područje: {domain}.", "Ciljane skupine su prije svega obitelji, školske skupine i turisti."),
        "asset": ("Projekt se odnosi na predmet „{asset}”.",),
        "skills": ("Očekujemo iskustvo u sljedećim područjima: {competences}.", "Tražene kompetencije: {competences}."),
        "practical": ("Proračun: {budget}. Predviđeno trajanje: {timeframe}.",),
        "languages": ("Jezične inačice: {languages}.",),
        "closing": ("Veselimo se vašim prijedlozima i referencama.",
                    "Rado ćemo se sastati na sljedećem događaju za povezivanje partnera."),
    },
    "cs": {
        "intro": ("{org} hledá partnera z kreativního odvětví.",
                  "Hledáme kreativní studio nebo technologického partnera pro nový projekt.",
                  "Už řadu let působíme {loc} a chceme naše dědictví představit novým způsobem."),
        "goal": ("Plánovaný projekt: {title}.", "Náš záměr: {title}."),
        "context": ("Tematická oblast: {domain}.", "Cílovými skupinami jsou hlavně rodiny, školní skupiny a turisté."),
        "asset": ("Projekt se týká předmětu „{asset}“.",),
        "skills": ("Očekáváme zkušenosti v těchto oblastech: {competences}.", "Požadované kompetence: {competences}."),
        "practical": ("Rozpočet: {budget}. Předpokládaná doba realizace: {timeframe}.",),
        "languages": ("Jazykové verze: {languages}.",),
        "closing": ("Těšíme se na vaše nabídky a reference.", "Rádi se setkáme na příští kontaktní burze."),
    },
    "sk": {
        "intro": ("{org} hľadá partnera z kreatívneho odvetvia.",
                  "Hľadáme kreatívne štúdio alebo technologického partnera pre nový projekt.",
                  "Už roky pôsobíme {loc} a chceme naše dedičstvo predstaviť novým spôsobom."),
        "goal": ("Plánovaný projekt: {title}.", "Náš zámer: {title}."),
        "context": ("Tematická oblasť: {domain}.", "Cieľovými skupinami sú najmä rodiny, školské skupiny a turisti."),
        "asset": ("Projekt sa týka predmetu „{asset}“.",),
        "skills": ("Očakávame skúsenosti v týchto oblastiach: {competences}.", "Požadované kompetencie: {competences}."),
        "practical": ("Rozpočet: {budget}. Predpokladaná doba realizácie: {timeframe}.",),
        "languages": ("Jazykové verzie: {languages}.",),
        "closing": ("Tešíme sa na vaše ponuky a referencie.", "Radi sa stretneme na najbližšom kooperačnom podujatí."),
    },
}

# Offer descriptions. Slots: {org}, {loc}, {services} (pl/en accusative plural),
# {title}, {competences}, {domains}, {years}, {languages}.
OFFER_FRAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "intro": (
            "{org} to interdyscyplinarny zespół projektantów i programistów działający {loc}.",
            "{org} to niewielki, doświadczony zespół, który od lat pracuje dla kultury.",
            "Od {years} lat realizujemy projekty dla muzeów, bibliotek i archiwów.",
            "Łączymy technologię z opowieścią o miejscu i jego historii.",
        ),
        "intro_support": (
            "{org} wspiera instytucje kultury i firmy kreatywne w regionie.",
            "{org} od lat pomaga instytucjom kultury w realizacji projektów.",
        ),
        "intro_freelancer": (
            "Pracuję jako niezależny twórca i od {years} lat współpracuję z instytucjami kultury.",
            "Działam {loc} i realizuję zlecenia w całej Polsce oraz za granicą.",
        ),
        "service": (
            "Realizujemy dla instytucji kultury {services}.",
            "Oferujemy {services}.",
            "Przygotowujemy {services} – od koncepcji po wdrożenie.",
        ),
        "service_freelancer": ("Oferuję {services}.", "Przygotowuję {services} – od koncepcji po gotowy produkt."),
        "skills": ("Nasze kompetencje: {competences}.", "Specjalizacje: {competences}."),
        "skills_freelancer": ("Specjalizacje: {competences}.", "Zakres kompetencji: {competences}."),
        "languages_freelancer": ("Języki współpracy: {languages}.",),
        "portfolio": (
            "Nasze realizacje obejmują projekty dla muzeów i miejsc dziedzictwa w regionie.",
            "Pracowaliśmy przy projektach w Polsce, na Słowacji i na Węgrzech.",
            "Portfolio i referencje udostępniamy na stronie.",
            "Każdy projekt zaczynamy od warsztatów z zespołem instytucji i testów z odbiorcami.",
            "Dbamy o dostępność rozwiązań i zgodność z WCAG.",
        ),
        "languages": ("Pracujemy w językach: {languages}.", "Języki współpracy: {languages}."),
        "closing": (
            "Chętnie podejmiemy współpracę przy projektach finansowanych ze środków UE.",
            "Zapraszamy do kontaktu – pierwsza konsultacja jest bezpłatna.",
            "Możemy spotkać się podczas najbliższego wydarzenia brokerskiego.",
        ),
    },
    "en": {
        "intro": (
            "{org} is an interdisciplinary team of designers and developers based {loc_en}.",
            "{org} is a small, experienced studio working for the cultural sector.",
            "For {years} years we have delivered projects for museums, libraries and archives.",
            "We combine technology with the stories of places and their history.",
        ),
        "intro_support": (
            "{org} supports cultural institutions and creative businesses in the region.",
            "{org} has helped cultural institutions deliver projects for many years.",
        ),
        "intro_freelancer": (
            "I am an independent maker and have worked with cultural institutions for {years} years.",
            "I am based {loc_en} and take on commissions across Central Europe.",
        ),
        "service": (
            "We deliver {services} for cultural institutions.",
            "We offer {services}.",
            "We deliver {services}, from the first concept to launch.",
        ),
        "service_freelancer": ("I offer {services}.", "I create {services}, from concept to finished product."),
        "skills": ("Our expertise: {competences}.", "Specialisms: {competences}."),
        "skills_freelancer": ("Specialisms: {competences}.", "Areas of expertise: {competences}."),
        "languages_freelancer": ("Working languages: {languages}.",),
        "portfolio": (
            "Our work includes projects for museums and heritage sites across the region.",
            "We have delivered projects in Poland, Slovakia, Hungary and Austria.",
            "Our portfolio and references are available on our website.",
            "Every project starts with a workshop with the institution's team and tests with visitors.",
            "Our solutions are accessible and follow WCAG.",
        ),
        "languages": ("Working languages: {languages}.", "We work in {languages_and}."),
        "closing": (
            "We are happy to join EU-funded projects as a partner.",
            "Get in touch – the first consultation is free.",
            "Let's meet at the next matchmaking event.",
        ),
    },
    "de": {
        "intro": ("{org} ist ein Team aus Gestalterinnen, Gestaltern und Entwicklern {loc}.",
                  "Seit {years} Jahren arbeiten wir für Museen, Bibliotheken und Archive."),
        "intro_freelancer": ("Ich arbeite freiberuflich {loc} und seit {years} Jahren für Kultureinrichtungen.",),
        "service": ("Unser Angebot: {title}.", "Schwerpunkt: {title}."),
        "service_freelancer": ("Mein Angebot: {title}.",),
        "skills": ("Kompetenzen: {competences}.",),
        "portfolio": ("Referenzen und Portfolio finden Sie auf unserer Website.",
                      "Wir haben Projekte in Österreich, Deutschland und Polen umgesetzt."),
        "languages": ("Arbeitssprachen: {languages}.",),
        "closing": ("Wir freuen uns auf Ihre Anfrage.", "Gerne beteiligen wir uns an EU-geförderten Projekten."),
    },
    "hu": {
        "intro": ("{org}: tervezőkből és fejlesztőkből álló csapat.",
                  "{years} éve dolgozunk múzeumoknak, könyvtáraknak és levéltáraknak."),
        "intro_freelancer": ("Szabadúszóként dolgozom, {years} éve kulturális intézményeknek.",),
        "service": ("Szolgáltatásunk: {title}.", "Fő profilunk: {title}."),
        "service_freelancer": ("Szolgáltatásom: {title}.",),
        "skills": ("Kompetenciáink: {competences}.",),
        "skills_freelancer": ("Kompetenciák: {competences}.",),
        "portfolio": ("Referenciáink a honlapunkon érhetők el.",
                      "Dolgoztunk már magyarországi, szlovákiai és lengyel projekteken."),
        "languages": ("Munkanyelvek: {languages}.",),
        "closing": ("Keressen minket bizalommal!", "Szívesen csatlakozunk uniós projektekhez."),
    },
    "it": {
        "intro": ("{org} è un team di designer e sviluppatori con sede {loc}.",
                  "Da {years} anni realizziamo progetti per musei, biblioteche e archivi."),
        "intro_freelancer": ("Lavoro come libero professionista e da {years} anni collaboro con istituzioni culturali.",),
        "service": ("La nostra offerta: {title}.", "Ambito principale: {title}."),
        "service_freelancer": ("La mia offerta: {title}.",),
        "skills": ("Competenze: {competences}.",),
        "portfolio": ("Portfolio e referenze sono disponibili sul nostro sito.",
                      "Abbiamo lavorato a progetti in Italia, Slovenia e Austria."),
        "languages": ("Lingue di lavoro: {languages}.",),
        "closing": ("Contattateci per una prima consulenza.", "Partecipiamo volentieri a progetti finanziati dall'UE."),
    },
    "sl": {
        "intro": ("{org} je ekipa oblikovalcev in razvijalcev s sedežem {loc}.",
                  "Že {years} let izvajamo projekte za muzeje, knjižnice in arhive."),
        "intro_freelancer": ("Delam kot samostojni ustvarjalec in že {years} let sodelujem s kulturnimi ustanovami.",),
        "service": ("Naša ponudba: {title}.", "Glavno področje: {title}."),
        "service_freelancer": ("Moja ponudba: {title}.",),
        "skills": ("Kompetence: {competences}.",),
        "portfolio": ("Portfelj in reference so na voljo na naši spletni strani.",
                      "Sodelovali smo pri projektih v Sloveniji, na Hrvaškem in v Italiji."),
        "languages": ("Delovni jeziki: {languages}.",),
        "closing": ("Veselimo se vašega povpraševanja.", "Z veseljem sodelujemo v projektih, ki jih financira EU."),
    },
    "hr": {
        "intro": ("{org} je tim dizajnera i programera sa sjedištem {loc}.",
                  "Već {years} godina radimo projekte za muzeje, knjižnice i arhive."),
        "intro_freelancer": ("Radim kao samostalni autor i već {years} godina surađujem s kulturnim ustanovama.",),
        "service": ("Naša ponuda: {title}.", "Glavno područje rada: {title}."),
        "service_freelancer": ("Moja ponuda: {title}.",),
        "skills": ("Kompetencije: {competences}.",),
        "portfolio": ("Portfelj i reference dostupni su na našoj mrežnoj stranici.",
                      "Radili smo na projektima u Hrvatskoj, Sloveniji i Austriji."),
        "languages": ("Radni jezici: {languages}.",),
        "closing": ("Javite nam se za prvu konzultaciju.", "Rado sudjelujemo u projektima koje financira EU."),
    },
    "cs": {
        "intro": ("{org} je tým designérů a vývojářů se sídlem {loc}.",
                  "Už {years} let realizujeme projekty pro muzea, knihovny a archivy."),
        "intro_freelancer": ("Pracuji jako nezávislý tvůrce a už {years} let spolupracuji s kulturními institucemi.",),
        "service": ("Naše nabídka: {title}.", "Hlavní zaměření: {title}."),
        "service_freelancer": ("Moje nabídka: {title}.",),
        "skills": ("Kompetence: {competences}.",),
        "portfolio": ("Portfolio a reference najdete na našem webu.",
                      "Pracovali jsme na projektech v Česku, na Slovensku a v Polsku."),
        "languages": ("Pracovní jazyky: {languages}.",),
        "closing": ("Ozvěte se nám, první konzultace je zdarma.", "Rádi se zapojíme do projektů financovaných z EU."),
    },
    "sk": {
        "intro": ("{org} je tím dizajnérov a vývojárov so sídlom {loc}.",
                  "Už {years} rokov realizujeme projekty pre múzeá, knižnice a archívy."),
        "intro_freelancer": ("Pracujem ako nezávislý tvorca a už {years} rokov spolupracujem s kultúrnymi inštitúciami.",),
        "service": ("Naša ponuka: {title}.", "Hlavné zameranie: {title}."),
        "service_freelancer": ("Moja ponuka: {title}.",),
        "skills": ("Kompetencie: {competences}.",),
        "portfolio": ("Portfólio a referencie nájdete na našom webe.",
                      "Pracovali sme na projektoch na Slovensku, v Poľsku a v Maďarsku."),
        "languages": ("Pracovné jazyky: {languages}.",),
        "closing": ("Ozvite sa nám, prvá konzultácia je zdarma.", "Radi sa zapojíme do projektov financovaných z EÚ."),
    },
}

# Heritage institutions and support bodies that make an offer introduce themselves as such.
for _lang, _intros in {
    "pl": ("{org} dzieli się doświadczeniem z innymi instytucjami kultury.",
           "Jako instytucja kultury oferujemy wsparcie merytoryczne partnerom z regionu."),
    "en": ("{org} shares its experience with other cultural organisations.",
           "As a cultural institution we offer expert support to partners in the region."),
    "de": ("{org} bietet Partnern aus der Region fachliche Unterstützung an.",),
    "hu": ("{org}: szakmai támogatást kínálunk a régió partnereinek.",),
    "it": ("{org} offre supporto specialistico ai partner della regione.",),
    "sl": ("{org} partnerjem v regiji ponuja strokovno podporo.",),
    "hr": ("{org} partnerima u regiji nudi stručnu podršku.",),
    "cs": ("{org} nabízí odbornou podporu partnerům v regionu.",),
    "sk": ("{org} ponúka odbornú podporu partnerom v regióne.",),
}.items():
    OFFER_FRAMES[_lang]["intro_heritage"] = _intros
    OFFER_FRAMES[_lang].setdefault("intro_support", _intros)

# Organisation descriptions by language and sector. Slots: {org}, {loc}, {loc_en},
# {founded}, {years}, {domains} (nominative labels), {services}.
ORG_FRAMES: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {
    "pl": {
        "freelancer": (
            ("{person} prowadzi jednoosobową działalność twórczą; specjalizacje: {domains}.",
             "{person} prowadzi niezależną pracownię w obszarach: {domains}."),
            ("Działalność prowadzona {loc} od {founded} roku.", "Zlecenia realizowane są w całym regionie."),
            ("Oferta obejmuje {services}.", "Najczęstsze zlecenia to {services}."),
            ("Współpraca z muzeami, galeriami i festiwalami w regionie.",
             "Możliwa współpraca przy projektach pilotażowych."),
        ),
        "heritage": (
            ("{org} opiekuje się zbiorami i zabytkami z obszarów: {domains}.",
             "{org} gromadzi, opracowuje i udostępnia dziedzictwo regionu; nasze specjalności: {domains}.",
             "{org} to instytucja kultury, której główne obszary działania to: {domains}."),
            ("Działamy {loc} od {founded} roku.", "Nasza historia zaczęła się w {founded} roku.",
             "Siedziba instytucji mieści się {loc}."),
            ("Prowadzimy lekcje, warsztaty i wydarzenia dla mieszkańców oraz turystów.",
             "Każdego roku odwiedzają nas tysiące gości, w tym grupy szkolne i goście z zagranicy.",
             "Szczególnie ważna jest dla nas współpraca ze szkołami i organizacjami lokalnymi.",
             "Organizujemy wystawy czasowe, koncerty i spotkania z badaczami."),
            ("Chcemy rozwijać ofertę cyfrową i szukamy partnerów z branży kreatywnej.",
             "Interesują nas nowe technologie, które pomogą dotrzeć do młodszej publiczności.",
             "Udostępniamy nasze zbiory do twórczego wykorzystania."),
        ),
        "creative": (
            ("{org} to zespół działający {loc}, specjalizujący się w obszarach: {domains}.",
             "{org} tworzy projekty z obszarów: {domains}.",
             "{org} to firma kreatywna z Europy Środkowej; nasze specjalności: {domains}."),
            ("Od {years} lat realizujemy projekty dla instytucji kultury, samorządów i firm.",
             "Działamy od {founded} roku.", "Zespół tworzą projektanci, programiści i badacze."),
            ("Nasze główne usługi to {services}.", "Oferujemy m.in. {services}."),
            ("Łączymy technologię z opowieścią o miejscu i jego historii.",
             "Chętnie pracujemy z muzeami i miejscami dziedzictwa w regionie.",
             "Szukamy partnerów do nowych projektów i pilotaży."),
        ),
        "support": (
            ("{org} wspiera rozwój kultury, dziedzictwa i przemysłów kreatywnych w regionie.",
             "{org} działa na rzecz współpracy instytucji kultury z sektorem kreatywnym.",
             "{org} łączy naukę, kulturę i biznes; obszary działania: {domains}."),
            ("Działamy {loc} od {founded} roku.", "Siedziba mieści się {loc}."),
            ("Organizujemy szkolenia, konferencje i spotkania sieciujące.",
             "Prowadzimy projekty badawcze i edukacyjne we współpracy z partnerami zagranicznymi.",
             "Pomagamy w pozyskiwaniu funduszy i budowaniu partnerstw."),
        ),
    },
    "en": {
        "freelancer": (
            ("{person} is an independent maker specialising in {domains_and}.",
             "{person} works freelance in {domains_and}."),
            ("Based {loc_en} since {founded}.", "Active since {founded}, mostly for cultural institutions."),
            ("Services include {services}.", "Typical commissions: {services}."),
            ("Works with museums, galleries and festivals across the region.",
             "Open to collaborations and pilot projects."),
        ),
        "heritage": (
            ("{org} cares for collections and monuments in these fields: {domains}.",
             "{org} collects, researches and shares the region's heritage, with a focus on {domains_and}.",
             "{org} is a cultural institution working mainly in {domains_and}."),
            ("We have been based {loc_en} since {founded}.", "Our story began in {founded}.",
             "The institution is located {loc_en}."),
            ("We run lessons, workshops and events for residents and tourists.",
             "Thousands of visitors come every year, including school groups and guests from abroad.",
             "Working with schools and local organisations matters a great deal to us.",
             "We organise temporary exhibitions, concerts and talks with researchers."),
            ("We want to expand our digital offer and are looking for creative partners.",
             "We are interested in new technologies that help us reach younger audiences.",
             "We open our collections for creative reuse."),
        ),
        "creative": (
            ("{org} is a team based {loc_en}, specialising in {domains_and}.",
             "{org} creates projects in {domains_and}.",
             "{org} is a Central European creative company focused on {domains_and}."),
            ("For {years} years we have worked for cultural institutions, municipalities and businesses.",
             "We were founded in {founded}.", "Our team brings together designers, developers and researchers."),
            ("Our main services are {services}.", "Among other things, we offer {services}."),
            ("We combine technology with the stories of places and their history.",
             "We enjoy working with museums and heritage sites in the region.",
             "We are looking for partners for new projects and pilots."),
        ),
        "support": (
            ("{org} supports culture, heritage and the creative industries in the region.",
             "{org} helps cultural institutions and the creative sector work together.",
             "{org} connects research, culture and business in {domains_and}."),
            ("We have been based {loc_en} since {founded}.", "We are located {loc_en}."),
            ("We organise training, conferences and networking meetings.",
             "We run research and education projects with partners abroad.",
             "We help with fundraising and building partnerships."),
        ),
    },
}
# The seven further languages: two to three sentences with nominative lists.
for _lang, _frames in {
    "de": (("Schwerpunkte von {org}: {domains}.", "{org} arbeitet in folgenden Bereichen: {domains}."),
           ("Gegründet {founded}.", "Wir sind seit {founded} {loc} tätig."),
           ("Wir suchen Partner für neue Projekte.", "Wir freuen uns auf Kooperationen in der Region.")),
    "hu": (("Fő tevékenységi területeink: {domains}.", "{org} tevékenységi területei: {domains}."),
           ("Alapítás éve: {founded}.", "{founded} óta működünk {loc}."),
           ("Partnereket keresünk új projektekhez.", "Szívesen működünk együtt a régió szereplőivel.")),
    "it": (("Ambiti principali di {org}: {domains}.", "{org} opera nei seguenti ambiti: {domains}."),
           ("Anno di fondazione: {founded}.", "Siamo attivi {loc} dal {founded}."),
           ("Cerchiamo partner per nuovi progetti.", "Siamo aperti a collaborazioni nella regione.")),
    "sl": (("Glavna področja dela: {domains}.", "{org} deluje na naslednjih področjih: {domains}."),
           ("Leto ustanovitve: {founded}.", "Od leta {founded} delujemo {loc}."),
           ("Iščemo partnerje za nove projekte.", "Odprti smo za sodelovanje v regiji.")),
    "hr": (("Glavna područja rada: {domains}.", "{org} djeluje u sljedećim područjima: {domains}."),
           ("Godina osnutka: {founded}.", "Od {founded}. godine djelujemo {loc}."),
           ("Tražimo partnere za nove projekte.", "Otvoreni smo za suradnju u regiji.")),
    "cs": (("Hlavní oblasti činnosti: {domains}.", "{org} působí v těchto oblastech: {domains}."),
           ("Rok založení: {founded}.", "Od roku {founded} působíme {loc}."),
           ("Hledáme partnery pro nové projekty.", "Jsme otevřeni spolupráci v regionu.")),
    "sk": (("Hlavné oblasti činnosti: {domains}.", "{org} pôsobí v týchto oblastiach: {domains}."),
           ("Rok založenia: {founded}.", "Od roku {founded} pôsobíme {loc}."),
           ("Hľadáme partnerov pre nové projekty.", "Sme otvorení spolupráci v regióne.")),
}.items():
    # a one-person business gets only the sentences without "we"
    ORG_FRAMES[_lang] = {"heritage": _frames, "creative": _frames, "support": _frames,
                         "freelancer": ((_frames[0][0],), (_frames[1][0],))}

# Asset titles by language and kind (nominative).
ASSET_TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "collection_item": ("Ikona Matki Boskiej Hodegetrii", "Kolekcja lamp naftowych", "Strój ludowy pogórzański",
                            "Kafle piecowe z dawnego dworu", "Skrzynia posagowa", "Zbiór pocztówek z Galicji",
                            "Zegar kominkowy", "Kolekcja szkła artystycznego", "Pisanki z kolekcji etnograficznej",
                            "Portret szlachecki", "Kolekcja powozów", "Zbiór militariów z I wojny światowej"),
        "building": ("Drewniana cerkiew", "Zabytkowy dwór", "Kamienica w rynku", "Synagoga", "Dawny młyn wodny",
                     "Zamek", "Dworzec kolejowy", "Spichlerz", "Drewniany kościół", "Dawna rafineria"),
        "site": ("Grodzisko wczesnośredniowieczne", "Park dworski", "Cmentarz wojenny z I wojny światowej",
                 "Szlak architektury drewnianej", "Ruiny zamku", "Dawna kopalnia ropy naftowej",
                 "Stanowisko archeologiczne", "Fort dawnej twierdzy"),
        "intangible_practice": ("Tradycja pisankarstwa", "Haft krzyżykowy", "Wycinanka ludowa", "Garncarstwo siwakowe",
                                "Śpiew wielogłosowy", "Flisactwo na Sanie", "Wikliniarstwo", "Muzyka kapel ludowych"),
        "archive_set": ("Akta cechu rzemieślniczego", "Archiwum fotograficzne zakładu", "Księgi metrykalne parafii",
                        "Mapy katastralne", "Korespondencja rodu ziemiańskiego", "Plakaty teatralne",
                        "Nagrania audycji radiowych", "Kroniki szkolne"),
    },
    "en": {
        "collection_item": ("Icon of the Virgin Hodegetria", "Collection of kerosene lamps",
                            "Folk costume from the Carpathian foothills", "Stove tiles from a former manor house",
                            "Dowry chest", "Postcards from Galicia", "Mantel clock", "Art glass collection",
                            "Painted Easter eggs", "Portrait of a nobleman", "Carriage collection",
                            "First World War militaria"),
        "building": ("Wooden Orthodox church", "Historic manor house", "Townhouse on the market square", "Synagogue",
                     "Former water mill", "Castle", "Railway station", "Granary", "Wooden church",
                     "Former oil refinery"),
        "site": ("Early medieval hillfort", "Manor park", "First World War cemetery", "Wooden architecture trail",
                 "Castle ruins", "Historic oil mine", "Archaeological site", "Fortress fort"),
        "intangible_practice": ("Easter egg painting tradition", "Cross-stitch embroidery", "Paper-cut folk art",
                                "Black pottery", "Polyphonic singing", "River rafting tradition", "Wickerwork",
                                "Folk band music"),
        "archive_set": ("Records of a craftsmen's guild", "Photographic archive of a factory", "Parish registers",
                        "Cadastral maps", "Correspondence of a landowning family", "Theatre posters",
                        "Radio broadcast recordings", "School chronicles"),
    },
    "de": {
        "collection_item": ("Ikone der Gottesmutter", "Sammlung von Petroleumlampen", "Volkstracht",
                            "Ofenkacheln aus einem Gutshaus", "Brauttruhe", "Ansichtskarten aus Galizien", "Kaminuhr",
                            "Glaskunstsammlung"),
        "building": ("Holzkirche", "Historisches Herrenhaus", "Bürgerhaus am Marktplatz", "Synagoge",
                     "Ehemalige Wassermühle", "Burg", "Bahnhofsgebäude", "Getreidespeicher"),
        "site": ("Frühmittelalterlicher Burgwall", "Gutspark", "Soldatenfriedhof aus dem Ersten Weltkrieg",
                 "Route der Holzarchitektur", "Burgruine", "Historische Erdölförderstätte", "Archäologische Fundstätte"),
        "intangible_practice": ("Ostereiermalerei", "Kreuzstichstickerei", "Scherenschnittkunst", "Schwarzkeramik",
                                "Mehrstimmiger Gesang", "Flößerei", "Korbflechterei", "Volksmusik"),
        "archive_set": ("Zunftakten", "Fotoarchiv einer Fabrik", "Kirchenbücher", "Katasterkarten",
                        "Familienkorrespondenz eines Adelsgeschlechts", "Theaterplakate", "Rundfunkaufnahmen"),
    },
    "hu": {
        "collection_item": ("Istenszülő-ikon", "Petróleumlámpa-gyűjtemény", "Népviselet",
                            "Kályhacsempék egy egykori kúriából", "Festett hozományos láda", "Képeslapgyűjtemény",
                            "Kandallóóra", "Üvegművészeti gyűjtemény"),
        "building": ("Fatemplom", "Történelmi kúria", "Polgárház a főtéren", "Zsinagóga", "Egykori vízimalom", "Vár",
                     "Vasútállomás", "Magtár"),
        "site": ("Kora középkori földvár", "Kastélypark", "Első világháborús katonatemető", "Faépítészeti útvonal",
                 "Várrom", "Egykori olajbánya", "Régészeti lelőhely"),
        "intangible_practice": ("Tojásfestés", "Keresztszemes hímzés", "Népi papírkivágás", "Fekete kerámia",
                                "Többszólamú népének", "Tutajozás", "Kosárfonás", "Népzene"),
        "archive_set": ("Céhes iratok", "Gyári fotóarchívum", "Anyakönyvek", "Kataszteri térképek",
                        "Nemesi család levelezése", "Színházi plakátok", "Rádiófelvételek"),
    },
    "it": {
        "collection_item": ("Icona della Madre di Dio", "Collezione di lampade a petrolio", "Costume tradizionale",
                            "Piastrelle da stufa di una villa", "Cassapanca nuziale", "Cartoline d'epoca",
                            "Orologio da camino", "Collezione di vetri artistici"),
        "building": ("Chiesa in legno", "Villa storica", "Palazzo sulla piazza principale", "Sinagoga",
                     "Antico mulino ad acqua", "Castello", "Stazione ferroviaria", "Granaio"),
        "site": ("Castelliere altomedievale", "Parco di villa", "Cimitero militare della Grande Guerra",
                 "Itinerario dell'architettura in legno", "Rovine del castello", "Sito archeologico"),
        "intangible_practice": ("Uova dipinte", "Ricamo a punto croce", "Arte del ritaglio", "Ceramica nera",
                                "Canto polifonico", "Fluitazione del legname", "Intreccio del vimini", "Musica popolare"),
        "archive_set": ("Atti di una corporazione artigiana", "Archivio fotografico di una fabbrica",
                        "Registri parrocchiali", "Mappe catastali", "Carteggio di una famiglia nobile",
                        "Manifesti teatrali", "Registrazioni radiofoniche"),
    },
    "sl": {
        "collection_item": ("Ikona Matere Božje", "Zbirka petrolejk", "Ljudska noša", "Pečnice iz nekdanjega dvorca",
                            "Poslikana skrinja za balo", "Zbirka razglednic", "Kaminska ura", "Zbirka umetniškega stekla"),
        "building": ("Lesena cerkev", "Zgodovinski dvorec", "Meščanska hiša na glavnem trgu", "Sinagoga",
                     "Nekdanji vodni mlin", "Grad", "Železniška postaja", "Kašča"),
        "site": ("Zgodnjesrednjeveško gradišče", "Grajski park", "Vojaško pokopališče iz prve svetovne vojne",
                 "Pot lesene arhitekture", "Razvaline gradu", "Arheološko najdišče"),
        "intangible_practice": ("Pisanice", "Vezenje s križnim vbodom", "Izrezovanke iz papirja", "Črna keramika",
                                "Večglasno ljudsko petje", "Splavarstvo", "Pletarstvo", "Ljudska glasba"),
        "archive_set": ("Cehovski spisi", "Fotografski arhiv tovarne", "Matične knjige župnije", "Katastrske mape",
                        "Korespondenca plemiške rodbine", "Gledališki plakati", "Radijski posnetki"),
    },
    "hr": {
        "collection_item": ("Ikona Bogorodice", "Zbirka petrolejki", "Narodna nošnja", "Pećnjaci iz nekadašnjeg dvorca",
                            "Oslikana škrinja za miraz", "Zbirka razglednica", "Kaminski sat", "Zbirka umjetničkog stakla"),
        "building": ("Drvena crkva", "Povijesni dvorac", "Građanska kuća na glavnom trgu", "Sinagoga",
                     "Nekadašnja vodenica", "Utvrda", "Željeznički kolodvor", "Žitnica"),
        "site": ("Ranosrednjovjekovno gradište", "Perivoj uz dvorac", "Vojničko groblje iz Prvog svjetskog rata",
                 "Staza drvene arhitekture", "Ruševine utvrde", "Arheološki lokalitet"),
        "intangible_practice": ("Bojanje pisanica", "Vez križićima", "Izrezivanje papira", "Crna keramika",
                                "Višeglasno pjevanje", "Splavarstvo", "Pletarstvo", "Tamburaška glazba"),
        "archive_set": ("Spisi obrtničkog ceha", "Fotografski arhiv tvornice", "Matične knjige župe",
                        "Katastarske karte", "Korespondencija plemićke obitelji", "Kazališni plakati", "Radijske snimke"),
    },
    "cs": {
        "collection_item": ("Ikona Bohorodičky", "Sbírka petrolejových lamp", "Lidový kroj", "Kachle z bývalého zámečku",
                            "Malovaná truhla na výbavu", "Sbírka pohlednic", "Krbové hodiny", "Sbírka uměleckého skla"),
        "building": ("Dřevěný kostel", "Historický zámeček", "Měšťanský dům na náměstí", "Synagoga",
                     "Bývalý vodní mlýn", "Hrad", "Nádražní budova", "Sýpka"),
        "site": ("Raně středověké hradiště", "Zámecký park", "Vojenský hřbitov z první světové války",
                 "Stezka dřevěné architektury", "Zřícenina hradu", "Archeologická lokalita"),
        "intangible_practice": ("Malování kraslic", "Výšivka křížkovým stehem", "Lidové vystřihovánky", "Černá keramika",
                                "Vícehlasý zpěv", "Vorařství", "Košíkářství", "Lidová muzika"),
        "archive_set": ("Cechovní písemnosti", "Fotografický archiv továrny", "Farní matriky", "Katastrální mapy",
                        "Korespondence šlechtického rodu", "Divadelní plakáty", "Rozhlasové nahrávky"),
    },
    "sk": {
        "collection_item": ("Ikona Bohorodičky", "Zbierka petrolejových lámp", "Ľudový kroj",
                            "Kachlice z bývalého kaštieľa", "Maľovaná truhlica na výbavu", "Zbierka pohľadníc",
                            "Krbové hodiny", "Zbierka umeleckého skla"),
        "building": ("Drevený kostol", "Historický kaštieľ", "Meštiansky dom na námestí", "Synagóga",
                     "Bývalý vodný mlyn", "Hrad", "Železničná stanica", "Sýpka"),
        "site": ("Včasnostredoveké hradisko", "Kaštieľsky park", "Vojenský cintorín z prvej svetovej vojny",
                 "Chodník drevenej architektúry", "Zrúcanina hradu", "Archeologická lokalita"),
        "intangible_practice": ("Maľovanie kraslíc", "Výšivka krížikovým stehom", "Ľudové vystrihovanky",
                                "Čierna keramika", "Viachlasný spev", "Pltníctvo", "Košikárstvo", "Ľudová hudba"),
        "archive_set": ("Cechové písomnosti", "Fotografický archív továrne", "Farské matriky", "Katastrálne mapy",
                        "Korešpondencia šľachtického rodu", "Divadelné plagáty", "Rozhlasové nahrávky"),
    },
}

#: How a century and a year range are written: (century pattern, roman numerals?).
PERIOD_FORMATS: dict[str, tuple[str, bool]] = {
    "pl": ("{c} w.", True), "en": ("{c}th century", False), "de": ("{c}. Jahrhundert", False),
    "hu": ("{c}. század", False), "it": ("{c} secolo", True), "sl": ("{c}. stoletje", False),
    "hr": ("{c}. stoljeće", False), "cs": ("{c}. století", False), "sk": ("{c}. storočie", False),
}

# Asset descriptions. Slots: {title}, {period}, {place}, {reuse}, {org}, {detail}.
ASSET_FRAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "pl": (("{title} ze zbiorów: {org}.", "{title} – obiekt z okresu: {period}.", "{title}. Datowanie: {period}."),
           ("Miejsce: {place}.", "Miejsce pochodzenia: {place}."),
           ("{detail}",),
           ("Warunki ponownego wykorzystania: {reuse}.", "Udostępniamy na warunkach: {reuse}.")),
    "en": (("{title} from the holdings of {org}.", "{title}, dated {period}.", "{title}. Period: {period}."),
           ("Place: {place}.", "Place of origin: {place}."),
           ("{detail}",),
           ("Reuse conditions: {reuse}.", "It is available under these terms: {reuse}.")),
    "de": (("{title}, {period}.",), ("Ort: {place}.",), ("{detail}",), ("Nachnutzung: {reuse}.",)),
    "hu": (("{title}, {period}.",), ("Helyszín: {place}.",), ("{detail}",), ("Felhasználási feltételek: {reuse}.",)),
    "it": (("{title}, {period}.",), ("Luogo: {place}.",), ("{detail}",), ("Condizioni di riuso: {reuse}.",)),
    "sl": (("{title}, {period}.",), ("Kraj: {place}.",), ("{detail}",), ("Pogoji ponovne uporabe: {reuse}.",)),
    "hr": (("{title}, {period}.",), ("Mjesto: {place}.",), ("{detail}",), ("Uvjeti ponovne uporabe: {reuse}.",)),
    "cs": (("{title}, {period}.",), ("Místo: {place}.",), ("{detail}",), ("Podmínky dalšího užití: {reuse}.",)),
    "sk": (("{title}, {period}.",), ("Miesto: {place}.",), ("{detail}",), ("Podmienky ďalšieho použitia: {reuse}.",)),
}

#: One extra sentence on what is available for reuse, by language.
ASSET_DETAILS: dict[str, tuple[str, ...]] = {
    "pl": ("Dostępne są zdjęcia w wysokiej rozdzielczości.", "Dysponujemy modelem 3D obiektu.",
           "Możliwa jest kwerenda na miejscu po wcześniejszym umówieniu.", "Opis obiektu jest dostępny w katalogu online.",
           "Obiekt był prezentowany na wystawie czasowej."),
    "en": ("High-resolution photographs are available.", "A 3D model of the object exists.",
           "On-site research is possible by appointment.", "The catalogue record is available online.",
           "The object has been shown in a temporary exhibition."),
    "de": ("Hochauflösende Fotos sind vorhanden.", "Ein 3D-Modell liegt vor.", "Recherche vor Ort nach Vereinbarung."),
    "hu": ("Nagy felbontású fotók állnak rendelkezésre.", "A tárgyról 3D-modell készült.",
           "Helyszíni kutatás előzetes egyeztetéssel lehetséges."),
    "it": ("Sono disponibili fotografie ad alta risoluzione.", "Esiste un modello 3D dell'oggetto.",
           "La consultazione in sede è possibile su appuntamento."),
    "sl": ("Na voljo so fotografije visoke ločljivosti.", "Na voljo je 3D-model predmeta.",
           "Raziskave na kraju samem so mogoče po dogovoru."),
    "hr": ("Dostupne su fotografije visoke razlučivosti.", "Izrađen je 3D model predmeta.",
           "Istraživanje na licu mjesta moguće je uz najavu."),
    "cs": ("K dispozici jsou fotografie ve vysokém rozlišení.", "Existuje 3D model předmětu.",
           "Studium na místě je možné po domluvě."),
    "sk": ("K dispozícii sú fotografie vo vysokom rozlíšení.", "Existuje 3D model predmetu.",
           "Štúdium na mieste je možné po dohode."),
}

#: (rights URI, relative weight, reuse conditions by language).
RIGHTS: tuple[tuple[str, float, dict[str, str]], ...] = tuple(
    (uri, weight, dict(zip(LANGUAGES, texts.split("|"), strict=True)))
    for uri, weight, texts in (
        ("http://creativecommons.org/publicdomain/mark/1.0/", 3,
         "domena publiczna – bez ograniczeń|public domain – no restrictions|gemeinfrei – ohne Einschränkungen|"
         "közkincs – korlátozás nélkül|pubblico dominio – nessuna restrizione|javna domena – brez omejitev|"
         "javno dobro – bez ograničenja|volné dílo – bez omezení|voľné dielo – bez obmedzení"),
        ("http://creativecommons.org/publicdomain/zero/1.0/", 1,
         "CC0 – swobodne wykorzystanie, także komercyjne|CC0 – free to use, including commercially|"
         "CC0 – freie Nutzung, auch kommerziell|CC0 – szabadon felhasználható, kereskedelmi célra is|"
         "CC0 – libero utilizzo, anche commerciale|CC0 – prosta uporaba, tudi komercialna|"
         "CC0 – slobodno korištenje, i u komercijalne svrhe|CC0 – volné užití včetně komerčního|"
         "CC0 – voľné použitie vrátane komerčného"),
        ("http://creativecommons.org/licenses/by/4.0/", 3,
         "CC BY 4.0 – z podaniem autorstwa|CC BY 4.0 – with attribution|CC BY 4.0 – mit Namensnennung|"
         "CC BY 4.0 – a szerző megjelölésével|CC BY 4.0 – con attribuzione|CC BY 4.0 – z navedbo avtorstva|"
         "CC BY 4.0 – uz navođenje autora|CC BY 4.0 – s uvedením autora|CC BY 4.0 – s uvedením autora"),
        ("http://creativecommons.org/licenses/by-sa/4.0/", 1.5,
         "CC BY-SA 4.0 – z podaniem autorstwa, na tych samych warunkach|CC BY-SA 4.0 – attribution, share alike|"
         "CC BY-SA 4.0 – Namensnennung, Weitergabe unter gleichen Bedingungen|"
         "CC BY-SA 4.0 – a szerző megjelölésével, azonos feltételekkel|"
         "CC BY-SA 4.0 – attribuzione, condividi allo stesso modo|"
         "CC BY-SA 4.0 – navedba avtorstva, deljenje pod enakimi pogoji|"
         "CC BY-SA 4.0 – imenovanje, dijeli pod istim uvjetima|CC BY-SA 4.0 – uveďte autora, zachovejte licenci|"
         "CC BY-SA 4.0 – uveďte autora, rovnaké šírenie"),
        ("http://creativecommons.org/licenses/by-nc/4.0/", 1.5,
         "CC BY-NC 4.0 – tylko do celów niekomercyjnych|CC BY-NC 4.0 – non-commercial use only|"
         "CC BY-NC 4.0 – nur nicht-kommerzielle Nutzung|CC BY-NC 4.0 – csak nem kereskedelmi célra|"
         "CC BY-NC 4.0 – solo uso non commerciale|CC BY-NC 4.0 – samo za nekomercialno rabo|"
         "CC BY-NC 4.0 – samo za nekomercijalnu upotrebu|CC BY-NC 4.0 – pouze pro nekomerční účely|"
         "CC BY-NC 4.0 – len na nekomerčné účely"),
        ("http://rightsstatements.org/vocab/InC/1.0/", 2,
         "chronione prawem autorskim – wykorzystanie za zgodą instytucji|in copyright – reuse by permission|"
         "urheberrechtlich geschützt – Nutzung nach Genehmigung|szerzői jogvédelem alatt – felhasználás engedéllyel|"
         "protetto da diritto d'autore – uso previa autorizzazione|avtorsko zaščiteno – uporaba z dovoljenjem|"
         "zaštićeno autorskim pravom – korištenje uz dopuštenje|chráněno autorským právem – užití se svolením|"
         "chránené autorským právom – použitie so súhlasom"),
        ("http://rightsstatements.org/vocab/InC-EDU/1.0/", 1,
         "chronione prawem autorskim – dozwolone użycie edukacyjne|in copyright – educational use permitted|"
         "urheberrechtlich geschützt – Bildungsnutzung erlaubt|szerzői jogvédelem alatt – oktatási célra felhasználható|"
         "protetto da diritto d'autore – consentito l'uso didattico|avtorsko zaščiteno – dovoljena izobraževalna raba|"
         "zaštićeno autorskim pravom – dopušteno obrazovno korištenje|chráněno autorským právem – povoleno vzdělávací užití|"
         "chránené autorským právom – povolené vzdelávacie použitie"),
        ("http://rightsstatements.org/vocab/NoC-NC/1.0/", 1,
         "bez ochrony prawnoautorskiej – tylko użycie niekomercyjne|no copyright – non-commercial use only|"
         "kein Urheberrechtsschutz – nur nicht-kommerzielle Nutzung|nem áll szerzői jogvédelem alatt – csak nem kereskedelmi célra|"
         "nessun diritto d'autore – solo uso non commerciale|ni avtorsko zaščiteno – samo nekomercialna raba|"
         "nije zaštićeno autorskim pravom – samo nekomercijalna upotreba|bez autorskoprávní ochrany – pouze nekomerční užití|"
         "bez autorskoprávnej ochrany – len nekomerčné použitie"),
    )
)

#: PRODUCT_CATEGORY_LABELS[language][category]; products are described in en, pl or de.
PRODUCT_CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "en": {"ticketing": "online ticketing system", "ar_vr_guide": "AR/VR visitor guide",
           "audio_guide": "audio guide platform", "3d_scanning": "3D scanning service",
           "collection_management": "collection management system", "digital_archive": "digital archive platform",
           "crm": "visitor CRM", "website_cms": "website CMS for cultural institutions",
           "online_exhibition": "online exhibition builder", "accessibility_tools": "accessibility toolkit",
           "educational_app": "educational app", "other": "digital service for culture"},
    "pl": {"ticketing": "system sprzedaży biletów online", "ar_vr_guide": "przewodnik AR/VR dla zwiedzających",
           "audio_guide": "platforma audioprzewodników", "3d_scanning": "usługa skanowania 3D",
           "collection_management": "system zarządzania zbiorami", "digital_archive": "platforma archiwum cyfrowego",
           "crm": "system CRM dla instytucji kultury", "website_cms": "CMS dla stron instytucji kultury",
           "online_exhibition": "kreator wystaw online", "accessibility_tools": "zestaw narzędzi dostępności",
           "educational_app": "aplikacja edukacyjna", "other": "usługa cyfrowa dla kultury"},
    "de": {"ticketing": "Online-Ticketing-System", "ar_vr_guide": "AR/VR-Besucherguide",
           "audio_guide": "Audioguide-Plattform", "3d_scanning": "3D-Scan-Service",
           "collection_management": "Sammlungsmanagementsystem", "digital_archive": "Plattform für digitale Archive",
           "crm": "Besucher-CRM", "website_cms": "Website-CMS für Kultureinrichtungen",
           "online_exhibition": "Baukasten für Online-Ausstellungen", "accessibility_tools": "Barrierefreiheits-Toolkit",
           "educational_app": "Lern-App", "other": "digitaler Dienst für die Kultur"},
}

# Product descriptions. Slots: {brand}, {category}, {audience}, {org}, {founded}.
PRODUCT_FRAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("{brand} is {category_article} for {audience}.", "{brand}: {category_article} built for {audience}."),
           ("It runs in the cloud and needs no installation.", "It can be hosted by the institution or as a service.",
            "It integrates with common ticketing and collection systems.", "The interface is available in nine languages."),
           ("Pricing depends on the number of users and visitors.", "A free pilot is available for heritage institutions.",
            "Developed by {org}.", "Training and support are included.")),
    "pl": (("{brand} to {category} dla odbiorców: {audience}.", "{brand} – {category}; odbiorcy: {audience}."),
           ("Działa w chmurze i nie wymaga instalacji.", "Może działać na serwerze instytucji lub jako usługa.",
            "Integruje się z popularnymi systemami biletowymi i katalogami zbiorów.",
            "Interfejs jest dostępny w dziewięciu językach."),
           ("Cena zależy od liczby użytkowników i odwiedzających.", "Instytucje dziedzictwa mogą bezpłatnie przetestować produkt.",
            "Producent: {org}.", "Wdrożenie obejmuje szkolenie i wsparcie techniczne.")),
    "de": (("{brand} – {category} für {audience}.",),
           ("Die Lösung läuft in der Cloud und erfordert keine Installation.",
            "Schnittstellen zu gängigen Ticketing- und Sammlungssystemen sind vorhanden."),
           ("Eine kostenlose Pilotphase ist möglich.", "Schulung und Support sind inbegriffen.")),
}
