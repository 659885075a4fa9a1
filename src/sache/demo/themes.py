"""Collaboration themes: what heritage organisations need and creative ones offer.

A theme ties a need to the offers that answer it through shared competence
codes, so a Polish need for an AR guide and a Hungarian AR studio's offer
meet in matching. Every theme has a need title and an offer title in all
nine languages (nominative, usable after a colon); Polish and English also
have object phrases already in the accusative, which fill verb frames such
as "Chcemy przygotować {object}." without case errors.
"""

from __future__ import annotations

__all__ = ["THEMES"]

#: theme code -> competences, titles per language, accusative objects and services (pl, en).
THEMES: dict[str, dict[str, object]] = {
    "ar_guide": {
        "competences": ("ar_development", "mobile_apps", "storytelling", "3d_modelling"),
        "need_titles": {
            "pl": ("Przewodnik AR po wystawie stałej", "Aplikacja z rozszerzoną rzeczywistością dla zwiedzających"),
            "en": ("AR guide to the permanent exhibition", "Augmented reality app for visitors"),
            "de": ("AR-Guide für die Dauerausstellung",), "hu": ("AR-alapú tárlatvezető az állandó kiállításhoz",),
            "it": ("Guida in realtà aumentata per la mostra permanente",),
            "sl": ("Vodnik z obogateno resničnostjo za stalno razstavo",), "hr": ("AR vodič kroz stalni postav",),
            "cs": ("AR průvodce stálou expozicí",), "sk": ("AR sprievodca stálou expozíciou",),
        },
        "need_objects": {
            "pl": ("przewodnik w rozszerzonej rzeczywistości po naszej wystawie stałej",
                   "aplikację AR, która ożywi eksponaty na ekranie telefonu"),
            "en": ("an augmented reality guide to our permanent exhibition",
                   "an AR app that brings our objects to life on visitors' phones"),
        },
        "offer_titles": {
            "pl": ("Przewodniki AR dla muzeów i szlaków turystycznych", "Aplikacje z rozszerzoną rzeczywistością dla instytucji kultury"),
            "en": ("AR guides for museums and heritage trails", "Augmented reality apps for cultural institutions"),
            "de": ("AR-Guides für Museen und Kulturpfade",), "hu": ("AR-tárlatvezetők múzeumoknak és tematikus utaknak",),
            "it": ("Guide in realtà aumentata per musei e itinerari culturali",),
            "sl": ("Vodniki z obogateno resničnostjo za muzeje in kulturne poti",), "hr": ("AR vodiči za muzeje i kulturne rute",),
            "cs": ("AR průvodci pro muzea a naučné stezky",), "sk": ("AR sprievodcovia pre múzeá a náučné chodníky",),
        },
        "offer_services": {
            "pl": "przewodniki w rozszerzonej rzeczywistości, aplikacje WebAR i interaktywne trasy zwiedzania",
            "en": "augmented reality guides, WebAR experiences and interactive visitor trails",
        },
    },
    "vr_reconstruction": {
        "competences": ("vr_development", "3d_modelling", "storytelling", "sound_design"),
        "need_titles": {
            "pl": ("Rekonstrukcja VR nieistniejącego obiektu", "Wirtualna rekonstrukcja dawnego wyglądu zabytku"),
            "en": ("VR reconstruction of a lost building", "Virtual reconstruction of the site's historic appearance"),
            "de": ("VR-Rekonstruktion eines verlorenen Gebäudes",), "hu": ("Egy elpusztult épület VR-rekonstrukciója",),
            "it": ("Ricostruzione in realtà virtuale di un edificio scomparso",), "sl": ("VR-rekonstrukcija izgubljene stavbe",),
            "hr": ("VR rekonstrukcija nestale građevine",), "cs": ("VR rekonstrukce zaniklé stavby",),
            "sk": ("VR rekonštrukcia zaniknutej stavby",),
        },
        "need_objects": {
            "pl": ("wirtualną rekonstrukcję nieistniejącego już obiektu",
                   "doświadczenie VR pokazujące dawny wygląd naszego zabytku"),
            "en": ("a virtual reality reconstruction of a building that no longer exists",
                   "a VR experience showing how our site looked centuries ago"),
        },
        "offer_titles": {
            "pl": ("Rekonstrukcje VR i wirtualne podróże w czasie", "Wirtualna rzeczywistość dla muzeów i miejsc pamięci"),
            "en": ("VR reconstructions and virtual time travel", "Virtual reality for museums and memorial sites"),
            "de": ("VR-Rekonstruktionen und virtuelle Zeitreisen",), "hu": ("VR-rekonstrukciók és virtuális időutazások",),
            "it": ("Ricostruzioni VR e viaggi virtuali nel tempo",), "sl": ("VR-rekonstrukcije in virtualna potovanja skozi čas",),
            "hr": ("VR rekonstrukcije i virtualna putovanja kroz vrijeme",), "cs": ("VR rekonstrukce a virtuální cesty časem",),
            "sk": ("VR rekonštrukcie a virtuálne cesty časom",),
        },
        "offer_services": {
            "pl": "rekonstrukcje VR, wirtualne podróże w czasie i aplikacje na gogle",
            "en": "VR reconstructions, virtual time-travel experiences and headset applications",
        },
    },
    "scan_3d": {
        "competences": ("3d_scanning", "photogrammetry", "3d_modelling", "laser_scanning_hbim"),
        "need_titles": {
            "pl": ("Skanowanie 3D wybranych eksponatów", "Cyfrowe modele 3D obiektów z kolekcji"),
            "en": ("3D scanning of selected objects", "Digital 3D models of collection highlights"),
            "de": ("3D-Scan ausgewählter Objekte",), "hu": ("Kiválasztott műtárgyak 3D-szkennelése",),
            "it": ("Scansione 3D di oggetti selezionati",), "sl": ("3D-skeniranje izbranih predmetov",),
            "hr": ("3D skeniranje odabranih predmeta",), "cs": ("3D skenování vybraných předmětů",),
            "sk": ("3D skenovanie vybraných predmetov",),
        },
        "need_objects": {
            "pl": ("skany 3D i modele najcenniejszych eksponatów",
                   "cyfrową dokumentację 3D obiektów przeznaczonych do konserwacji"),
            "en": ("3D scans and models of our most valuable objects",
                   "3D documentation of objects scheduled for conservation"),
        },
        "offer_titles": {
            "pl": ("Skanowanie 3D i fotogrametria zabytków", "Cyfrowe bliźniaki obiektów i budynków zabytkowych"),
            "en": ("3D scanning and photogrammetry of heritage objects", "Digital twins of artefacts and historic buildings"),
            "de": ("3D-Scans und Photogrammetrie für das Kulturerbe",), "hu": ("Műtárgyak és műemlékek 3D-szkennelése",),
            "it": ("Scansione 3D e fotogrammetria per il patrimonio",), "sl": ("3D-skeniranje in fotogrametrija dediščine",),
            "hr": ("3D skeniranje i fotogrametrija baštine",), "cs": ("3D skenování a fotogrammetrie památek",),
            "sk": ("3D skenovanie a fotogrametria pamiatok",),
        },
        "offer_services": {
            "pl": "skany 3D, modele fotogrametryczne i cyfrowe bliźniaki obiektów",
            "en": "3D scans, photogrammetric models and digital twins of objects and buildings",
        },
    },
    "archive_digitisation": {
        "competences": ("digitisation_2d", "document_scanning", "metadata_cataloguing", "ocr_transcription"),
        "need_titles": {
            "pl": ("Digitalizacja zbioru archiwalnego", "Skanowanie i opis starych fotografii"),
            "en": ("Digitisation of an archival collection", "Scanning and cataloguing old photographs"),
            "de": ("Digitalisierung eines Archivbestands",), "hu": ("Levéltári állomány digitalizálása",),
            "it": ("Digitalizzazione di un fondo archivistico",), "sl": ("Digitalizacija arhivskega fonda",),
            "hr": ("Digitalizacija arhivskog fonda",), "cs": ("Digitalizace archivního fondu",),
            "sk": ("Digitalizácia archívneho fondu",),
        },
        "need_objects": {
            "pl": ("digitalizację i opis metadanych zbioru dokumentów z XIX i XX wieku",
                   "cyfrową kopię kolekcji starych fotografii wraz z opisem"),
            "en": ("the digitisation and metadata description of documents from the 19th and 20th centuries",
                   "a digital copy of our historic photograph collection with full descriptions"),
        },
        "offer_titles": {
            "pl": ("Digitalizacja archiwów i bibliotek", "Skanowanie, OCR i metadane dla archiwów"),
            "en": ("Digitisation for archives and libraries", "Scanning, OCR and metadata for archives"),
            "de": ("Digitalisierung für Archive und Bibliotheken",), "hu": ("Digitalizálás levéltáraknak és könyvtáraknak",),
            "it": ("Digitalizzazione per archivi e biblioteche",), "sl": ("Digitalizacija za arhive in knjižnice",),
            "hr": ("Digitalizacija za arhive i knjižnice",), "cs": ("Digitalizace pro archivy a knihovny",),
            "sk": ("Digitalizácia pre archívy a knižnice",),
        },
        "offer_services": {
            "pl": "skanowanie dokumentów, OCR, transkrypcje i opisy metadanych",
            "en": "document scanning, OCR, transcription and metadata",
        },
    },
    "online_collection": {
        "competences": ("online_exhibitions", "iiif_publishing", "web_development", "linked_open_data"),
        "need_titles": {
            "pl": ("Katalog zbiorów online", "Wirtualna wystawa z kolekcji"),
            "en": ("Online collection catalogue", "Virtual exhibition from the collection"),
            "de": ("Online-Sammlungskatalog",), "hu": ("Online gyűjteményi katalógus",),
            "it": ("Catalogo online delle collezioni",), "sl": ("Spletni katalog zbirk",),
            "hr": ("Online katalog zbirki",), "cs": ("Online katalog sbírek",), "sk": ("Online katalóg zbierok",),
        },
        "need_objects": {
            "pl": ("publiczny katalog zbiorów online z obrazami w standardzie IIIF",
                   "wirtualną wystawę prezentującą najciekawsze obiekty z kolekcji"),
            "en": ("a public online catalogue of the collection with IIIF images",
                   "a virtual exhibition presenting highlights of the collection"),
        },
        "offer_titles": {
            "pl": ("Katalogi online i wystawy wirtualne", "Publikacja zbiorów w sieci (IIIF, Europeana)"),
            "en": ("Online catalogues and virtual exhibitions", "Publishing collections on the web (IIIF, Europeana)"),
            "de": ("Online-Kataloge und virtuelle Ausstellungen",), "hu": ("Online katalógusok és virtuális kiállítások",),
            "it": ("Cataloghi online e mostre virtuali",), "sl": ("Spletni katalogi in virtualne razstave",),
            "hr": ("Online katalozi i virtualne izložbe",), "cs": ("Online katalogy a virtuální výstavy",),
            "sk": ("Online katalógy a virtuálne výstavy",),
        },
        "offer_services": {
            "pl": "katalogi zbiorów online, wystawy wirtualne i eksport danych do Europeany",
            "en": "online collection catalogues, virtual exhibitions and data exports to Europeana",
        },
    },
    "website": {
        "competences": ("web_development", "ux_design", "web_accessibility", "cms_integration"),
        "need_titles": {
            "pl": ("Nowa strona internetowa instytucji", "Przebudowa serwisu internetowego"),
            "en": ("New website for the institution", "Redesign of our website"),
            "de": ("Neue Website für unser Haus",), "hu": ("Új honlap az intézmény számára",),
            "it": ("Nuovo sito web dell'istituzione",), "sl": ("Nova spletna stran ustanove",),
            "hr": ("Nova mrežna stranica ustanove",), "cs": ("Nový web instituce",), "sk": ("Nový web inštitúcie",),
        },
        "need_objects": {
            "pl": ("nową, dostępną stronę internetową zgodną z WCAG",
                   "nowy serwis internetowy z kalendarzem wydarzeń i sprzedażą biletów"),
            "en": ("a new accessible website that meets WCAG", "a new website with an events calendar and online tickets"),
        },
        "offer_titles": {
            "pl": ("Strony internetowe dla instytucji kultury", "Dostępne serwisy WWW i systemy CMS"),
            "en": ("Websites for cultural institutions", "Accessible websites and CMS platforms"),
            "de": ("Websites für Kultureinrichtungen",), "hu": ("Honlapok kulturális intézményeknek",),
            "it": ("Siti web per istituzioni culturali",), "sl": ("Spletne strani za kulturne ustanove",),
            "hr": ("Mrežne stranice za kulturne ustanove",), "cs": ("Weby pro kulturní instituce",),
            "sk": ("Weby pre kultúrne inštitúcie",),
        },
        "offer_services": {
            "pl": "dostępne strony internetowe, systemy CMS i integracje z systemami biletowymi",
            "en": "accessible websites, CMS platforms and integrations with ticketing systems",
        },
    },
    "audio_guide": {
        "competences": ("audio_guides", "storytelling", "translation_localisation", "audio_description"),
        "need_titles": {
            "pl": ("Audioprzewodnik w kilku językach", "Audioprzewodnik z audiodeskrypcją"),
            "en": ("Audio guide in several languages", "Audio guide with audio description"),
            "de": ("Mehrsprachiger Audioguide",), "hu": ("Többnyelvű hangos tárlatvezetés",),
            "it": ("Audioguida in più lingue",), "sl": ("Večjezični zvočni vodnik",), "hr": ("Višejezični audiovodič",),
            "cs": ("Vícejazyčný audioprůvodce",), "sk": ("Viacjazyčný audiosprievodca",),
        },
        "need_objects": {
            "pl": ("wielojęzyczny audioprzewodnik po ekspozycji",
                   "audioprzewodnik z audiodeskrypcją dla osób niewidomych i słabowidzących"),
            "en": ("a multilingual audio guide to the exhibition",
                   "an audio guide with audio description for blind and partially sighted visitors"),
        },
        "offer_titles": {
            "pl": ("Audioprzewodniki i nagrania lektorskie", "Wielojęzyczne audioprzewodniki dla muzeów"),
            "en": ("Audio guides and voice-over recording", "Multilingual audio guides for museums"),
            "de": ("Audioguides und Sprachaufnahmen",), "hu": ("Hangos tárlatvezetések és hangfelvételek",),
            "it": ("Audioguide e registrazioni di voce narrante",), "sl": ("Zvočni vodniki in snemanje govora",),
            "hr": ("Audiovodiči i snimanje naracije",), "cs": ("Audioprůvodci a namlouvání textů",),
            "sk": ("Audiosprievodcovia a nahrávanie textov",),
        },
        "offer_services": {
            "pl": "audioprzewodniki, nagrania lektorskie w wielu językach i audiodeskrypcję",
            "en": "audio guides, multilingual voice-over recordings and audio description",
        },
    },
    "educational_game": {
        "competences": ("serious_games", "game_design", "education_programmes", "illustration"),
        "need_titles": {
            "pl": ("Gra edukacyjna dla szkół", "Gra mobilna o historii regionu"),
            "en": ("Educational game for schools", "Mobile game about the history of the region"),
            "de": ("Lernspiel für Schulklassen",), "hu": ("Oktatási játék iskoláknak",),
            "it": ("Gioco educativo per le scuole",), "sl": ("Izobraževalna igra za šole",),
            "hr": ("Edukativna igra za škole",), "cs": ("Vzdělávací hra pro školy",), "sk": ("Vzdelávacia hra pre školy",),
        },
        "need_objects": {
            "pl": ("grę edukacyjną dla uczniów szkół podstawowych, opartą na naszych zbiorach",
                   "grę mobilną, która w przystępny sposób opowie historię regionu"),
            "en": ("an educational game for primary school pupils based on our collections",
                   "a mobile game that tells the history of the region in an accessible way"),
        },
        "offer_titles": {
            "pl": ("Gry edukacyjne i serious games", "Projektowanie gier dla muzeów i szkół"),
            "en": ("Educational and serious games", "Game design for museums and schools"),
            "de": ("Lernspiele und Serious Games",), "hu": ("Oktatási játékok és serious game-ek",),
            "it": ("Giochi educativi e serious game",), "sl": ("Izobraževalne in resne igre",),
            "hr": ("Edukativne i ozbiljne igre",), "cs": ("Vzdělávací hry a serious games",),
            "sk": ("Vzdelávacie hry a serious games",),
        },
        "offer_services": {
            "pl": "gry edukacyjne, serious games i scenariusze lekcji z elementami gry",
            "en": "educational games, serious games and game-based lesson plans",
        },
    },
    "urban_game": {
        "competences": ("escape_rooms_games", "gamification", "cultural_tourism_products", "storytelling"),
        "need_titles": {
            "pl": ("Gra miejska po historycznym centrum", "Escape room w zabytkowych wnętrzach"),
            "en": ("Urban game in the historic centre", "Escape room in historic interiors"),
            "de": ("Stadtspiel durch die Altstadt",), "hu": ("Városi játék a történelmi belvárosban",),
            "it": ("Gioco urbano nel centro storico",), "sl": ("Mestna igra po zgodovinskem jedru",),
            "hr": ("Gradska igra kroz povijesnu jezgru",), "cs": ("Městská hra historickým centrem",),
            "sk": ("Mestská hra historickým centrom",),
        },
        "need_objects": {
            "pl": ("grę miejską prowadzącą uczestników przez historyczne centrum",
                   "escape room inspirowany historią naszego budynku"),
            "en": ("an urban game that leads players through the historic centre",
                   "an escape room inspired by the history of our building"),
        },
        "offer_titles": {
            "pl": ("Gry miejskie i terenowe", "Escape roomy i questy dla turystów"),
            "en": ("Urban and location-based games", "Escape rooms and quests for tourists"),
            "de": ("Stadtspiele und Escape Rooms",), "hu": ("Városi játékok és szabadulószobák",),
            "it": ("Giochi urbani ed escape room",), "sl": ("Mestne igre in sobe pobega",),
            "hr": ("Gradske igre i escape sobe",), "cs": ("Městské hry a únikové hry",), "sk": ("Mestské hry a únikové hry",),
        },
        "offer_services": {
            "pl": "gry miejskie, questy i escape roomy osadzone w lokalnej historii",
            "en": "urban games, quests and escape rooms rooted in local history",
        },
    },
    "exhibition": {
        "competences": ("exhibition_design", "interactive_exhibits", "lighting_design", "graphic_design"),
        "need_titles": {
            "pl": ("Projekt nowej wystawy czasowej", "Modernizacja wystawy stałej"),
            "en": ("Design of a new temporary exhibition", "Refurbishment of the permanent exhibition"),
            "de": ("Gestaltung einer Sonderausstellung",), "hu": ("Új időszaki kiállítás tervezése",),
            "it": ("Progetto di una nuova mostra temporanea",), "sl": ("Oblikovanje nove občasne razstave",),
            "hr": ("Oblikovanje nove povremene izložbe",), "cs": ("Návrh nové krátkodobé výstavy",),
            "sk": ("Návrh novej krátkodobej výstavy",),
        },
        "need_objects": {
            "pl": ("projekt aranżacji nowej wystawy czasowej z elementami multimedialnymi",
                   "nową aranżację wystawy stałej wraz z oświetleniem i stanowiskami interaktywnymi"),
            "en": ("the design of a new temporary exhibition with multimedia elements",
                   "a new layout for the permanent exhibition, including lighting and interactive stations"),
        },
        "offer_titles": {
            "pl": ("Projektowanie wystaw i scenografia", "Aranżacje ekspozycji i stanowiska interaktywne"),
            "en": ("Exhibition design and scenography", "Exhibition fit-out and interactive stations"),
            "de": ("Ausstellungsgestaltung und Szenografie",), "hu": ("Kiállítástervezés és látványtervezés",),
            "it": ("Progettazione di mostre e scenografia",), "sl": ("Oblikovanje razstav in scenografija",),
            "hr": ("Oblikovanje izložbi i scenografija",), "cs": ("Návrhy výstav a scénografie",),
            "sk": ("Návrhy výstav a scénografia",),
        },
        "offer_services": {
            "pl": "projekty wystaw, scenografię, oświetlenie i stanowiska interaktywne",
            "en": "exhibition design, scenography, lighting and interactive stations",
        },
    },
    "accessibility": {
        "competences": ("accessibility_audit", "tactile_models", "easy_to_read", "sign_language"),
        "need_titles": {
            "pl": ("Dostępność ekspozycji dla osób z niepełnosprawnościami", "Audyt dostępności i modele dotykowe"),
            "en": ("Making the exhibition accessible", "Accessibility audit and tactile models"),
            "de": ("Barrierefreie Ausstellung",), "hu": ("Akadálymentes kiállítás",),
            "it": ("Accessibilità del percorso espositivo",), "sl": ("Dostopnost razstave za vse obiskovalce",),
            "hr": ("Pristupačnost stalnog postava",), "cs": ("Bezbariérová expozice",), "sk": ("Bezbariérová expozícia",),
        },
        "need_objects": {
            "pl": ("audyt dostępności oraz pakiet udogodnień: modele dotykowe, teksty łatwe do czytania i nagrania w PJM",
                   "rozwiązania, dzięki którym ekspozycja stanie się dostępna dla osób z niepełnosprawnościami"),
            "en": ("an accessibility audit and a set of measures: tactile models, easy-to-read texts and sign-language videos",
                   "solutions that make our exhibition accessible to people with disabilities"),
        },
        "offer_titles": {
            "pl": ("Dostępność w kulturze: audyty i rozwiązania", "Modele dotykowe, ETR i tłumaczenia PJM"),
            "en": ("Accessibility for culture: audits and solutions", "Tactile models, easy-to-read and sign language"),
            "de": ("Barrierefreiheit für Kultureinrichtungen",), "hu": ("Akadálymentesítés kulturális intézményeknek",),
            "it": ("Accessibilità per la cultura: audit e soluzioni",), "sl": ("Dostopnost v kulturi: presoje in rešitve",),
            "hr": ("Pristupačnost u kulturi: revizije i rješenja",), "cs": ("Přístupnost v kultuře: audity a řešení",),
            "sk": ("Prístupnosť v kultúre: audity a riešenia",),
        },
        "offer_services": {
            "pl": "audyty dostępności, modele dotykowe, teksty ETR i tłumaczenia na język migowy",
            "en": "accessibility audits, tactile models, easy-to-read texts and sign-language interpretation",
        },
    },
    "branding": {
        "competences": ("visual_identity", "graphic_design", "digital_marketing", "social_media"),
        "need_titles": {
            "pl": ("Nowa identyfikacja wizualna", "Kampania promocyjna w mediach społecznościowych"),
            "en": ("New visual identity", "Social media campaign"),
            "de": ("Neues Erscheinungsbild",), "hu": ("Új arculat",), "it": ("Nuova identità visiva",),
            "sl": ("Nova celostna grafična podoba",), "hr": ("Novi vizualni identitet",),
            "cs": ("Nová vizuální identita",), "sk": ("Nová vizuálna identita",),
        },
        "need_objects": {
            "pl": ("nową identyfikację wizualną wraz z księgą znaku",
                   "kampanię w mediach społecznościowych skierowaną do młodszej publiczności"),
            "en": ("a new visual identity with a brand manual", "a social media campaign aimed at younger audiences"),
        },
        "offer_titles": {
            "pl": ("Identyfikacja wizualna dla instytucji kultury", "Kampanie i komunikacja w mediach społecznościowych"),
            "en": ("Visual identity for cultural institutions", "Social media campaigns and communication"),
            "de": ("Corporate Design für Kultureinrichtungen",), "hu": ("Arculattervezés kulturális intézményeknek",),
            "it": ("Identità visiva per istituzioni culturali",), "sl": ("Celostne podobe za kulturne ustanove",),
            "hr": ("Vizualni identitet za kulturne ustanove",), "cs": ("Vizuální identita pro kulturní instituce",),
            "sk": ("Vizuálna identita pre kultúrne inštitúcie",),
        },
        "offer_services": {
            "pl": "identyfikacje wizualne, kampanie promocyjne i komunikację w mediach społecznościowych",
            "en": "visual identities, promotional campaigns and social media communication",
        },
    },
    "video": {
        "competences": ("video_production", "documentary_film", "animation_motion", "photography_services"),
        "need_titles": {
            "pl": ("Film promocyjny o instytucji", "Krótki film dokumentalny o zbiorach"),
            "en": ("Promotional film about the institution", "Short documentary about the collection"),
            "de": ("Imagefilm über unser Haus",), "hu": ("Bemutatkozó film az intézményről",),
            "it": ("Video promozionale sull'istituzione",), "sl": ("Promocijski film o ustanovi",),
            "hr": ("Promotivni film o ustanovi",), "cs": ("Propagační film o instituci",), "sk": ("Propagačný film o inštitúcii",),
        },
        "need_objects": {
            "pl": ("film promocyjny i serię krótkich materiałów wideo do mediów społecznościowych",
                   "krótki film dokumentalny o historii naszych zbiorów"),
            "en": ("a promotional film and a series of short videos for social media",
                   "a short documentary about the history of our collection"),
        },
        "offer_titles": {
            "pl": ("Filmy promocyjne i dokumentalne", "Produkcja wideo dla kultury"),
            "en": ("Promotional and documentary films", "Video production for culture"),
            "de": ("Image- und Dokumentarfilme",), "hu": ("Image- és dokumentumfilmek",),
            "it": ("Video promozionali e documentari",), "sl": ("Promocijski in dokumentarni filmi",),
            "hr": ("Promotivni i dokumentarni filmovi",), "cs": ("Propagační a dokumentární filmy",),
            "sk": ("Propagačné a dokumentárne filmy",),
        },
        "offer_services": {
            "pl": "filmy promocyjne, dokumenty, animacje i materiały wideo do sieci",
            "en": "promotional films, documentaries, animations and online video",
        },
    },
    "podcast_oral_history": {
        "competences": ("podcasts", "oral_history", "sound_design", "copywriting"),
        "need_titles": {
            "pl": ("Seria podcastów o historii regionu", "Nagrania historii mówionej"),
            "en": ("Podcast series on regional history", "Oral history recordings"),
            "de": ("Podcast-Reihe zur Regionalgeschichte",), "hu": ("Podcastsorozat a helytörténetről",),
            "it": ("Serie di podcast sulla storia locale",), "sl": ("Serija podkastov o lokalni zgodovini",),
            "hr": ("Serija podcasta o lokalnoj povijesti",), "cs": ("Série podcastů o regionální historii",),
            "sk": ("Séria podcastov o regionálnej histórii",),
        },
        "need_objects": {
            "pl": ("serię podcastów opartą na wspomnieniach mieszkańców",
                   "archiwum historii mówionej z nagraniami najstarszych mieszkańców"),
            "en": ("a podcast series based on local residents' memories",
                   "an oral history archive with recordings of the oldest residents"),
        },
        "offer_titles": {
            "pl": ("Podcasty i słuchowiska", "Historia mówiona: nagrania i montaż"),
            "en": ("Podcasts and audio drama", "Oral history: recording and editing"),
            "de": ("Podcasts und Hörspiele",), "hu": ("Podcastok és hangjátékok",), "it": ("Podcast e radiodrammi",),
            "sl": ("Podkasti in radijske igre",), "hr": ("Podcasti i radiodrame",), "cs": ("Podcasty a audiodramata",),
            "sk": ("Podcasty a audiodrámy",),
        },
        "offer_services": {
            "pl": "podcasty, słuchowiska, nagrania historii mówionej i udźwiękowienie",
            "en": "podcasts, audio drama, oral history recordings and sound design",
        },
    },
    "souvenirs": {
        "competences": ("product_design", "3d_printing_replicas", "traditional_crafts", "ecommerce_ticketing"),
        "need_titles": {
            "pl": ("Kolekcja pamiątek inspirowanych zbiorami", "Repliki eksponatów do sklepu muzealnego"),
            "en": ("Souvenir range inspired by the collection", "Replicas for the museum shop"),
            "de": ("Souvenirlinie nach Motiven der Sammlung",), "hu": ("A gyűjtemény ihlette ajándéktárgyak",),
            "it": ("Linea di souvenir ispirata alle collezioni",), "sl": ("Spominki po motivih zbirke",),
            "hr": ("Suveniri inspirirani zbirkom",), "cs": ("Suvenýry inspirované sbírkou",),
            "sk": ("Suveníry inšpirované zbierkou",),
        },
        "need_objects": {
            "pl": ("kolekcję pamiątek i gadżetów inspirowanych naszymi zbiorami",
                   "repliki wybranych eksponatów do sprzedaży w sklepie muzealnym"),
            "en": ("a range of souvenirs and merchandise inspired by our collection",
                   "replicas of selected objects for sale in the museum shop"),
        },
        "offer_titles": {
            "pl": ("Pamiątki i produkty inspirowane dziedzictwem", "Repliki, druk 3D i rękodzieło dla sklepów muzealnych"),
            "en": ("Heritage-inspired souvenirs and products", "Replicas, 3D printing and crafts for museum shops"),
            "de": ("Souvenirs und Repliken für Museumsshops",), "hu": ("Ajándéktárgyak és másolatok múzeumi boltoknak",),
            "it": ("Souvenir e repliche per bookshop museali",), "sl": ("Spominki in replike za muzejske trgovine",),
            "hr": ("Suveniri i replike za muzejske trgovine",), "cs": ("Suvenýry a repliky pro muzejní obchody",),
            "sk": ("Suveníry a repliky pre múzejné obchody",),
        },
        "offer_services": {
            "pl": "pamiątki, repliki z druku 3D i produkty rękodzielnicze dla sklepów muzealnych",
            "en": "souvenirs, 3D-printed replicas and handmade products for museum shops",
        },
    },
    "ticketing_crm": {
        "competences": ("ecommerce_ticketing", "crm_systems", "data_analytics", "gdpr_compliance"),
        "need_titles": {
            "pl": ("System sprzedaży biletów online", "Baza danych o odwiedzających (CRM)"),
            "en": ("Online ticketing system", "Visitor database (CRM)"),
            "de": ("Online-Ticketing-System",), "hu": ("Online jegyértékesítési rendszer",),
            "it": ("Sistema di biglietteria online",), "sl": ("Sistem za spletno prodajo vstopnic",),
            "hr": ("Sustav online prodaje ulaznica",), "cs": ("Systém online prodeje vstupenek",),
            "sk": ("Systém online predaja vstupeniek",),
        },
        "need_objects": {
            "pl": ("system sprzedaży biletów online zintegrowany z naszą stroną",
                   "system CRM, który pozwoli lepiej poznać odwiedzających"),
            "en": ("an online ticketing system integrated with our website",
                   "a CRM system that helps us understand our visitors"),
        },
        "offer_titles": {
            "pl": ("Bilety online i CRM dla kultury", "Analityka publiczności i systemy rezerwacji"),
            "en": ("Online ticketing and CRM for culture", "Audience analytics and booking systems"),
            "de": ("Online-Ticketing und CRM für Kultur",), "hu": ("Online jegyértékesítés és CRM",),
            "it": ("Biglietteria online e CRM per la cultura",), "sl": ("Spletna prodaja vstopnic in CRM za kulturo",),
            "hr": ("Online prodaja ulaznica i CRM za kulturu",), "cs": ("Online prodej vstupenek a CRM pro kulturu",),
            "sk": ("Online predaj vstupeniek a CRM pre kultúru",),
        },
        "offer_services": {
            "pl": "systemy biletowe, rezerwacje grup, CRM i analitykę publiczności",
            "en": "ticketing systems, group bookings, CRM and audience analytics",
        },
    },
    "projection_event": {
        "competences": ("projection_mapping", "event_production", "sound_design", "stage_technology"),
        "need_titles": {
            "pl": ("Mapping na fasadzie podczas Nocy Muzeów", "Widowisko multimedialne w plenerze"),
            "en": ("Projection mapping for Museum Night", "Outdoor multimedia show"),
            "de": ("Projection Mapping zur Langen Nacht der Museen",), "hu": ("Fényfestés a Múzeumok Éjszakáján",),
            "it": ("Videomapping per la Notte dei musei",), "sl": ("Videomapping za Poletno muzejsko noč",),
            "hr": ("Projekcijsko mapiranje za Noć muzeja",), "cs": ("Videomapping na Muzejní noc",),
            "sk": ("Videomapping na Noc múzeí",),
        },
        "need_objects": {
            "pl": ("pokaz mappingu na fasadzie budynku podczas Nocy Muzeów",
                   "plenerowe widowisko multimedialne z muzyką i światłem"),
            "en": ("a projection mapping show on the building's façade for Museum Night",
                   "an outdoor multimedia show with music and light"),
        },
        "offer_titles": {
            "pl": ("Mappingi i widowiska multimedialne", "Produkcja wydarzeń i pokazów świetlnych"),
            "en": ("Projection mapping and multimedia shows", "Event production and light shows"),
            "de": ("Projection Mapping und Multimediashows",), "hu": ("Fényfestés és multimédiás show-k",),
            "it": ("Videomapping e spettacoli multimediali",), "sl": ("Videomapping in multimedijski dogodki",),
            "hr": ("Projekcijsko mapiranje i multimedijski spektakli",), "cs": ("Videomapping a multimediální show",),
            "sk": ("Videomapping a multimediálne show",),
        },
        "offer_services": {
            "pl": "mappingi projekcyjne, pokazy świetlne i produkcję wydarzeń plenerowych",
            "en": "projection mapping, light shows and outdoor event production",
        },
    },
    "grant_partner": {
        "competences": ("grant_writing", "project_management", "participatory_design", "fundraising"),
        "need_titles": {
            "pl": ("Partner do wspólnego wniosku grantowego", "Partner do projektu w programie Interreg"),
            "en": ("Partner for a joint grant application", "Partner for an Interreg project"),
            "de": ("Gemeinsamer Förderantrag mit einem Kreativpartner",), "hu": ("Közös pályázat kreatív partnerrel",),
            "it": ("Candidatura congiunta con un partner creativo",),
            "sl": ("Skupna prijava na razpis s kreativnim partnerjem",),
            "hr": ("Zajednička prijava projekta s kreativnim partnerom",),
            "cs": ("Společná žádost o grant s kreativním partnerem",),
            "sk": ("Spoločná žiadosť o grant s kreatívnym partnerom",),
        },
        "need_objects": {
            "pl": ("wspólny wniosek do programu Kreatywna Europa wraz z partnerem z sektora kreatywnego",
                   "projekt współpracy transgranicznej w programie Interreg"),
            "en": ("a joint Creative Europe application with a partner from the creative sector",
                   "a cross-border cooperation project under Interreg"),
        },
        "offer_titles": {
            "pl": ("Przygotowanie wniosków i zarządzanie projektami", "Wsparcie w pozyskiwaniu funduszy UE"),
            "en": ("Grant writing and project management", "Support with EU funding"),
            "de": ("Antragstellung und Projektmanagement",), "hu": ("Pályázatírás és projektmenedzsment",),
            "it": ("Progettazione europea e gestione di progetti",), "sl": ("Priprava prijav in vodenje projektov",),
            "hr": ("Pisanje prijava i upravljanje projektima",), "cs": ("Psaní žádostí a projektové řízení",),
            "sk": ("Písanie žiadostí a projektový manažment",),
        },
        "offer_services": {
            "pl": "wnioski grantowe, zarządzanie projektami i warsztaty współtworzenia",
            "en": "grant applications, project management and co-creation workshops",
        },
    },
}
