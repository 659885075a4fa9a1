"""Person names and organisation-name patterns per language.

Names are common given names and surnames of each country. Polish, Czech
and Slovak surnames have a feminine form, so they are stored as
``masculine/feminine`` pairs where the two differ.
"""

from __future__ import annotations

__all__ = ["BRAND_PARTS", "FIRST_NAMES", "LAST_NAMES", "ORG_NAME_PATTERNS", "PL_CLUB_NAMES", "PL_MUSEUM_THEMES",
           "PL_DISCIPLINES", "PL_PATRONS", "PL_SKANSEN", "PL_SUBJECTS"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(word for word in text.split() if word)


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """``Kowalski/Kowalska Nowak`` -> ((Kowalski, Kowalska), (Nowak, Nowak))."""
    pairs = []
    for token in text.split():
        male, _, female = token.partition("/")
        pairs.append((male.replace("_", " "), (female or male).replace("_", " ")))
    return tuple(pairs)


#: (female, male) given names by language.
FIRST_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pl": (
        _split("Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Magdalena Joanna Aleksandra "
               "Zofia Monika Natalia Julia Karolina Dorota Beata Justyna Agata Marta Paulina Iwona "
               "Weronika Łucja Urszula Elżbieta Jadwiga Halina Grażyna Bożena Żaneta Oliwia"),
        _split("Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Adam Łukasz Mateusz "
               "Grzegorz Wojciech Maciej Kamil Rafał Sebastian Dariusz Bartłomiej Mariusz Józef "
               "Stanisław Zbigniew Jerzy Przemysław Jarosław Sławomir Szymon Damian Wiesław"),
    ),
    "sk": (
        _split("Mária Jana Eva Katarína Zuzana Lucia Martina Ivana Veronika Soňa Alžbeta Ľubica "
               "Andrea Michaela Dominika Zdenka"),
        _split("Peter Ján Jozef Martin Michal Tomáš Marek Juraj Ľubomír Miroslav Štefan Dušan "
               "Matúš Pavol Radoslav Ondrej"),
    ),
    "cs": (
        _split("Jana Marie Eva Hana Lucie Kateřina Lenka Petra Veronika Tereza Markéta Zdeňka "
               "Alena Barbora Šárka Irena"),
        _split("Jiří Jan Petr Josef Pavel Martin Tomáš Jaroslav Miroslav Zdeněk Václav Michal "
               "Ondřej Lukáš Radek Vojtěch"),
    ),
    "hu": (
        _split("Anna Katalin Éva Zsófia Erzsébet Ildikó Judit Réka Krisztina Andrea Eszter Ágnes "
               "Noémi Dóra Orsolya Tünde"),
        _split("László István József Zoltán Gábor Péter Attila Tamás Balázs Dániel Gergely Ákos "
               "Csaba Levente Bence Miklós"),
    ),
    "sl": (
        _split("Maja Nina Ana Eva Mojca Petra Urška Tjaša Špela Katja Nataša Alenka Barbara Tina "
               "Metka Vesna"),
        _split("Luka Matej Janez Marko Andrej Jože Tomaž Primož Rok Gregor Blaž Žiga Boštjan "
               "Matjaž Uroš Aleš"),
    ),
    "hr": (
        _split("Ana Ivana Marija Petra Lucija Martina Maja Ivona Marina Jelena Tea Dora Snježana "
               "Željka Vesna Mirjana"),
        _split("Ivan Marko Josip Luka Tomislav Davor Krešimir Matej Ante Nikola Dario Goran "
               "Zvonimir Filip Hrvoje Domagoj"),
    ),
    "de": (
        _split("Anna Katharina Julia Sabine Stefanie Lena Sophie Claudia Birgit Petra Franziska "
               "Johanna Theresa Ursula Barbara Magdalena"),
        _split("Thomas Michael Andreas Stefan Markus Johannes Florian Lukas Matthias Tobias "
               "Christian Wolfgang Jürgen Georg Maximilian Felix"),
    ),
    "it": (
        _split("Giulia Francesca Chiara Sara Elena Valentina Alessandra Federica Martina Paola "
               "Silvia Laura Anna Giovanna Roberta Ilaria"),
        _split("Marco Luca Giuseppe Andrea Francesco Alessandro Matteo Stefano Paolo Davide "
               "Lorenzo Giovanni Simone Riccardo Nicola Enrico"),
    ),
}

#: (masculine, feminine) surnames by language.
LAST_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "pl": _pairs(
        "Nowak Kowalski/Kowalska Wiśniewski/Wiśniewska Wójcik Kowalczyk Kamiński/Kamińska "
        "Lewandowski/Lewandowska Zieliński/Zielińska Szymański/Szymańska Woźniak Dąbrowski/Dąbrowska "
        "Kozłowski/Kozłowska Jankowski/Jankowska Mazur Kwiatkowski/Kwiatkowska Krawczyk Piotrowski/Piotrowska "
        "Grabowski/Grabowska Nowakowski/Nowakowska Pawłowski/Pawłowska Michalski/Michalska Król "
        "Wieczorek Jabłoński/Jabłońska Wróbel Majewski/Majewska Stępień Pawlak Dudek Zając Sobczak "
        "Ryba Kubiak Bieniek Pękala Szczęsny/Szczęsna Drozd Łukasik Ślusarczyk Gąsior Bałut Rząsa "
        "Czarnecki/Czarnecka Sikora Bąk Chmiel Kustra Pelc Żak Bober Kruczek Śliwa Wąsacz"),
    "sk": _pairs(
        "Horváth/Horváthová Kováč/Kováčová Varga/Vargová Tóth/Tóthová Nagy/Nagyová Baláž/Balážová "
        "Szabó/Szabóová Molnár/Molnárová Lukáč/Lukáčová Kollár/Kollárová Novák/Nováková Hudák/Hudáková "
        "Švec/Švecová Kráľ/Kráľová Hrušovský/Hrušovská Dudáš/Dudášová Baran/Baranová Oravec/Oravcová "
        "Hric/Hricová Polák/Poláková Ševčík/Ševčíková Fedor/Fedorová Kočiš/Kočišová"),
    "cs": _pairs(
        "Novák/Nováková Svoboda/Svobodová Novotný/Novotná Dvořák/Dvořáková Černý/Černá "
        "Procházka/Procházková Kučera/Kučerová Veselý/Veselá Horák/Horáková Němec/Němcová "
        "Pokorný/Pokorná Marek/Marková Pospíšil/Pospíšilová Hájek/Hájková Jelínek/Jelínková "
        "Král/Králová Růžička/Růžičková Beneš/Benešová Fiala/Fialová Sedláček/Sedláčková "
        "Kolář/Kolářová Zedník/Zedníková Šimek/Šimková Kříž/Křížová"),
    "hu": _pairs(
        "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász "
        "Lakatos Mészáros Oláh Simon Rácz Fekete Szilágyi Török Fehér Balázs Gál Kis Szűcs Kocsis "
        "Pintér Fodor Orsós Szalai Sipos Magyar Lukács Gulyás Bíró Király"),
    "sl": _pairs(
        "Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk Božič "
        "Kralj Korošec Zupan Bizjak Hribar Kotnik Kavčič Rozman Kastelic Oblak Žagar Petek Hočevar "
        "Košir Koren Zajc Medved"),
    "hr": _pairs(
        "Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović "
        "Matić Tomić Pavlović Kovač Božić Blažević Grgić Pavić Radić Perić Šarić Lovrić Vidović "
        "Perković Bošnjak Mikulić Šimić Živković Kolar"),
    "de": _pairs(
        "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch "
        "Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann "
        "Lange Huber Gruber Pichler Steiner Moser Mayer Berger Fuchs Eder Leitner Wimmer"),
    "it": _pairs(
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De_Luca Costa Giordano Mancini Rizzo Lombardi Moretti Zanetti Furlan Visintin Cattaruzza "
        "Zorzi Bortolin Pellegrini Battistella Toffolo Vidoni"),
}

#: Parts of invented creative-business and product brand names (language-neutral).
BRAND_PARTS = (
    _split("Pixel Forge Lumen Nova Atlas Orbit Kresy Carpathia Bieszczady Wisłok San Magura "
           "Tatra Danube Sonar Vektor Prism Fabula Mosaic Echo Hexa Polaris Kite Amber Cobalt "
           "Lynx Arbor Vista Quill Loom Relic Cortex Palimpsest Tessera Vellum Ferro Argo Ikon "
           "Folio Rune Sepia Nimbus Graphite Ember Canvas Marble Lantern Meridian Horizon"),
    _split("Studio Lab Works Media Interactive Labs Digital Collective Factory Design Games "
           "Vision Sound Motion Craft Pictures Systems Tech Code Room Hub"),
)

#: What a Polish museum is about ("Muzeum {…} w Sanoku"), already in the form the name needs.
PL_MUSEUM_THEMES = (
    "Regionalne", "Historyczne", "Etnograficzne", "Kresowe", "Miejskie", "Okręgowe", "Dziecięce",
)
#: Subjects in the genitive ("Muzeum Kolejnictwa", "Stowarzyszenie Miłośników Kolejnictwa").
PL_SUBJECTS = (
    "Kultury Ludowej", "Techniki", "Przemysłu Naftowego", "Historii Miasta", "Kolejnictwa", "Pożarnictwa",
    "Pszczelarstwa", "Rzemiosła", "Zabawek", "Szkła", "Ikon", "Sztuki Ludowej", "Kultury Łemkowskiej",
    "Kultury Bojkowskiej", "Kultury Żydowskiej", "Zegarów", "Dawnej Broni", "Farmacji", "Drukarstwa", "Młynarstwa",
    "Radia i Telewizji", "Fotografii", "Lasu i Łowiectwa", "Motoryzacji", "Historii Szkolnictwa",
    "Architektury Drewnianej", "Muzyki Dawnej", "Ceramiki", "Lotnictwa", "Kresów Wschodnich", "Dawnej Medycyny",
)
#: Academic disciplines in the genitive ("Instytut Archeologii").
PL_DISCIPLINES = (
    "Historii", "Archeologii", "Etnologii", "Historii Sztuki", "Muzykologii", "Architektury", "Sztuk Pięknych",
    "Kulturoznawstwa", "Informatyki", "Grafiki", "Wzornictwa", "Konserwacji Zabytków", "Turystyki",
    "Zarządzania Kulturą", "Nauk o Informacji",
)
#: Patrons in the genitive, as in "im. Ignacego Łukasiewicza".
PL_PATRONS = tuple(f"im. {name}" for name in (
    "Ignacego Łukasiewicza", "Zdzisława Beksińskiego", "Wincentego Pola", "Aleksandra Fredry", "Jana Matejki",
    "Stanisława Wyspiańskiego", "Fryderyka Chopina", "Marii Konopnickiej", "Juliana Przybosia", "Adama Mickiewicza",
    "Juliusza Słowackiego", "Marii Skłodowskiej-Curie", "Tadeusza Kościuszki", "Mikołaja Kopernika",
    "Kornela Makuszyńskiego", "Ignacego Paderewskiego", "Wisławy Szymborskiej", "Czesława Miłosza",
    "Jana Kochanowskiego", "Stefana Żeromskiego", "Henryka Sienkiewicza", "Bolesława Prusa", "Elizy Orzeszkowej",
    "Franciszka Kotuli", "Józefa Szujskiego", "Kazimierza Wielkiego", "Jana Pawła II", "Ireny Sendlerowej",
))
#: Names of Polish culture clubs and small theatres (used in quotes).
PL_CLUB_NAMES = (
    "Sokół", "Zorza", "Jutrzenka", "Pod Arkadami", "Iskra", "Kuźnia", "Stokrotka", "Maskarada", "Muza",
    "Pod Ratuszem", "Nad Sanem", "Wisłok", "Jaskółka", "Przystań", "Oficyna", "Pracownia", "Arkadia", "Kalejdoskop",
    "Pod Kasztanami", "Świetlik", "Stodoła", "Łuk", "Piwnica", "Pod Wieżą",
)
#: Open-air museum kinds ("Skansen Architektury Drewnianej w …").
PL_SKANSEN = ("Architektury Drewnianej", "Budownictwa Ludowego", "Kultury Materialnej", "Rzemiosł Dawnych",
              "Kolejki Leśnej", "Wsi Pogórzańskiej")

# Organisation-name patterns by language and kind. Slots: {loc} locative phrase
# ("w Łańcucie"), {city} nominative town, {adj} Hungarian town adjective,
# {brand} invented brand, {a}/{b} brand parts, {surname} a local surname.
ORG_NAME_PATTERNS: dict[str, dict[str, tuple[str, ...]]] = {
    "pl": {
        "museum": ("Muzeum {pl_museum} {loc}", "Muzeum {pl_subject} {loc}", "Muzeum {pl_subject} {pl_patron} {loc}",
                   "Muzeum {pl_museum} {pl_patron} {loc}", "Muzeum {pl_subject} {loc}",
                   "Muzeum-Zamek {loc}", "Muzeum-Dwór {pl_patron} {loc}", "Izba Regionalna {loc}",
                   "Izba Pamięci {pl_patron} {loc}", "Skansen {pl_skansen} {loc}"),
        "gallery": ("Galeria Sztuki Współczesnej {loc}", "Galeria Miejska {loc}", "Galeria BWA {loc}",
                    "Galeria Fotografii {loc}", "Galeria Ikon {loc}", "Galeria „{a}”", "Galeria „{pl_club}” {loc}",
                    "Galeria Sztuki {pl_patron} {loc}", "Galeria Autorska „{pl_club}”"),
        "library": ("Miejska Biblioteka Publiczna {pl_patron} {loc}", "Gminna Biblioteka Publiczna {loc}",
                    "Powiatowa Biblioteka Publiczna {pl_patron} {loc}", "Biblioteka Pedagogiczna {loc}",
                    "Gminna Biblioteka Publiczna {pl_patron} {loc}", "Miejska Biblioteka Publiczna {loc}"),
        "archive": ("Archiwum Państwowe {loc}", "Archiwum Diecezjalne {loc}", "Archiwum Fotografii {loc}",
                    "Archiwum Społeczne {loc}"),
        "theatre": ("Teatr Miejski {pl_patron} {loc}", "Teatr Lalki i Aktora „{pl_club}” {loc}",
                    "Teatr Dramatyczny {pl_patron} {loc}", "Scena Kameralna {loc}", "Teatr Tańca {loc}",
                    "Teatr Offowy „{pl_club}” {loc}"),
        "festival": ("Festiwal Kultury Pogranicza {loc}", "Festiwal Muzyki Dawnej {loc}",
                     "Festiwal Filmowy {loc}", "Jarmark Rzemiosła {loc}", "Festiwal Światła {loc}"),
        "heritage_site": ("Zespół Zamkowo-Parkowy {loc}", "Skansen Architektury Drewnianej {loc}",
                          "Zespół Dworsko-Parkowy {loc}", "Cerkiew-Muzeum {loc}", "Park Kulturowy {loc}",
                          "Twierdza {city}", "Dawna Synagoga {loc}", "Zabytkowa Kopalnia {loc}"),
        "cultural_centre": ("Miejski Dom Kultury {loc}", "Gminny Ośrodek Kultury {loc}",
                            "Centrum Kultury {pl_patron} {loc}", "Dom Kultury „{pl_club}” {loc}",
                            "Ośrodek Kultury i Sztuki {loc}", "Klub Kultury „{pl_club}” {loc}",
                            "Osiedlowy Dom Kultury „{pl_club}” {loc}"),
        "creative_business": ("Studio {a} 3D", "{a} {b} Sp. z o.o.", "{a} {b}", "Pracownia {a}",
                              "{a} Interactive", "Studio {a}", "{a} Games", "Agencja {a}",
                              "Studio Kresowe {a}", "{a} Media s.c."),
        "technology_provider": ("{a} {b} Sp. z o.o.", "{a}Tech Sp. z o.o.", "{a} Systems S.A.",
                                "{a} Software", "{a} Solutions Sp. z o.o."),
        "ngo": ("Fundacja {a}", "Towarzystwo Przyjaciół Zabytków {loc}", "Fundacja „{pl_club}”",
                "Stowarzyszenie Kulturalne „{pl_club}”", "Stowarzyszenie Miłośników {pl_subject} {loc}",
                "Lokalna Grupa Działania „{pl_club}”", "Fundacja {a} {b}", "Koło Miłośników {pl_subject} {loc}",
                "Fundacja Ochrony Dziedzictwa „{pl_club}”"),
        "public_body": ("Urząd Miejski {loc}", "Urząd Gminy {city}", "Starostwo Powiatowe {loc}",
                        "Biuro Promocji i Kultury {loc}", "Centrum Informacji Turystycznej {loc}"),
        "university": ("Akademia Nauk Stosowanych {loc}", "Instytut {pl_discipline} {loc}",
                       "Katedra {pl_discipline} {loc}", "Zakład {pl_discipline} {loc}",
                       "Pracownia Badań nad Dziedzictwem {loc}", "Wydział Sztuki {loc}"),
    },
    "en": {
        "creative_business": ("{a} {b}", "{a} {b} Ltd", "Studio {a}", "{a} Interactive", "{a} Games"),
        "technology_provider": ("{a} {b}", "{a}Tech", "{a} Systems", "{a} Software", "{a} Cloud"),
    },
    "sk": {
        "museum": ("Krajské múzeum {loc}", "Mestské múzeum {loc}", "Múzeum ľudovej kultúry {loc}",
                   "Vlastivedné múzeum {loc}"),
        "gallery": ("Galéria umenia {loc}", "Mestská galéria {loc}", "Galéria „{a}“"),
        "library": ("Verejná knižnica {loc}", "Mestská knižnica {loc}", "Knižnica pre mládež {loc}"),
        "archive": ("Štátny archív {loc}", "Mestský archív {loc}"),
        "theatre": ("Divadlo {city}", "Bábkové divadlo {loc}", "Štúdio tanca {loc}"),
        "festival": ("Festival dávnej hudby {loc}", "Festival remesiel {loc}", "Festival svetla {loc}"),
        "heritage_site": ("Hrad {city}", "Skanzen {loc}", "Drevený kostol {loc}", "Kaštieľ {loc}"),
        "cultural_centre": ("Mestské kultúrne stredisko {loc}", "Centrum kultúry {loc}", "Dom kultúry {loc}"),
        "creative_business": ("{a} {b} s.r.o.", "Štúdio {a}", "{a} Games s.r.o.", "{a} Media s.r.o."),
        "technology_provider": ("{a} {b} s.r.o.", "{a}Tech s.r.o.", "{a} Systems a.s."),
        "ngo": ("Občianske združenie {a}", "Nadácia {a}", "Združenie pre kultúrne dedičstvo {loc}"),
        "public_body": ("Mestský úrad {loc}", "Obecný úrad {loc}", "Turistické informačné centrum {loc}"),
        "university": ("Univerzita {loc}", "Ústav pamiatkového výskumu {loc}", "Fakulta umení {loc}"),
    },
    "cs": {
        "museum": ("Městské muzeum {loc}", "Regionální muzeum {loc}", "Muzeum lidové kultury {loc}",
                   "Technické muzeum {loc}"),
        "gallery": ("Galerie výtvarného umění {loc}", "Městská galerie {loc}", "Galerie „{a}“"),
        "library": ("Městská knihovna {loc}", "Krajská knihovna {loc}", "Obecní knihovna {loc}"),
        "archive": ("Státní okresní archiv {loc}", "Městský archiv {loc}"),
        "theatre": ("Divadlo {city}", "Loutkové divadlo {loc}", "Komorní scéna {loc}"),
        "festival": ("Festival staré hudby {loc}", "Řemeslný jarmark {loc}", "Festival světla {loc}"),
        "heritage_site": ("Hrad {city}", "Zámek {city}", "Skanzen {loc}", "Synagoga {loc}"),
        "cultural_centre": ("Kulturní dům {loc}", "Centrum kultury {loc}", "Kulturní středisko {loc}"),
        "creative_business": ("{a} {b} s.r.o.", "Studio {a}", "{a} Games s.r.o.", "{a} Media s.r.o."),
        "technology_provider": ("{a} {b} s.r.o.", "{a}Tech s.r.o.", "{a} Systems a.s."),
        "ngo": ("Spolek {a}", "Nadace {a}", "Spolek pro obnovu památek {loc}"),
        "public_body": ("Městský úřad {loc}", "Obecní úřad {loc}", "Turistické informační centrum {loc}"),
        "university": ("Univerzita {loc}", "Ústav památkové péče {loc}", "Fakulta umění {loc}"),
    },
    "hu": {
        "museum": ("{adj} Városi Múzeum", "{adj} Néprajzi Múzeum", "{adj} Helytörténeti Múzeum",
                   "{adj} Ipartörténeti Múzeum"),
        "gallery": ("{adj} Képtár", "{adj} Kortárs Galéria", "{a} Galéria"),
        "library": ("{adj} Városi Könyvtár", "{adj} Megyei Könyvtár"),
        "archive": ("{adj} Levéltár", "{adj} Egyházmegyei Levéltár"),
        "theatre": ("{adj} Nemzeti Színház", "{adj} Bábszínház", "{adj} Kamaraszínház"),
        "festival": ("{adj} Régizene Fesztivál", "{adj} Kézműves Vásár", "{adj} Fényfesztivál"),
        "heritage_site": ("{adj} Vár", "{adj} Kastély", "{adj} Zsinagóga", "{adj} Skanzen"),
        "cultural_centre": ("{adj} Művelődési Ház", "{adj} Kulturális Központ"),
        "creative_business": ("{a} {b} Kft.", "{a} Stúdió Kft.", "{a} Games Kft.", "{a} Média Bt."),
        "technology_provider": ("{a} {b} Kft.", "{a}Tech Kft.", "{a} Systems Zrt."),
        "ngo": ("{a} Egyesület", "{adj} Örökségvédő Egyesület", "{a} Alapítvány"),
        "public_body": ("{adj} Polgármesteri Hivatal", "{adj} Turisztikai Információs Iroda"),
        "university": ("{adj} Egyetem", "{adj} Műemlékvédelmi Intézet", "{adj} Művészeti Kar"),
    },
    "sl": {
        "museum": ("Mestni muzej {loc}", "Pokrajinski muzej {loc}", "Tehniški muzej {loc}",
                   "Etnološki muzej {loc}"),
        "gallery": ("Mestna galerija {loc}", "Galerija sodobne umetnosti {loc}", "Galerija {a}"),
        "library": ("Mestna knjižnica {loc}", "Splošna knjižnica {loc}"),
        "archive": ("Zgodovinski arhiv {loc}", "Škofijski arhiv {loc}"),
        "theatre": ("Gledališče {city}", "Lutkovno gledališče {loc}", "Plesni teater {loc}"),
        "festival": ("Festival stare glasbe {loc}", "Festival svetlobe {loc}", "Sejem domače obrti {loc}"),
        "heritage_site": ("Grad {city}", "Dvorec {loc}", "Sinagoga {loc}", "Muzej na prostem {loc}"),
        "cultural_centre": ("Kulturni dom {loc}", "Center za kulturo {loc}"),
        "creative_business": ("{a} {b} d.o.o.", "Studio {a}", "{a} Games d.o.o.", "{a} Media d.o.o."),
        "technology_provider": ("{a} {b} d.o.o.", "{a}Tech d.o.o.", "{a} Systems d.o.o."),
        "ngo": ("Društvo {a}", "Zavod {a}", "Društvo za ohranjanje dediščine {loc}"),
        "public_body": ("Občina {city}", "Turistično informacijski center {loc}"),
        "university": ("Univerza {loc}", "Inštitut za dediščino {loc}", "Akademija za umetnost {loc}"),
    },
    "hr": {
        "museum": ("Gradski muzej {city}", "Zavičajni muzej {loc}", "Etnografski muzej {loc}",
                   "Tehnički muzej {loc}"),
        "gallery": ("Gradska galerija {city}", "Galerija suvremene umjetnosti {loc}", "Galerija {a}"),
        "library": ("Gradska knjižnica {city}", "Narodna knjižnica {loc}"),
        "archive": ("Državni arhiv {loc}", "Gradski arhiv {city}"),
        "theatre": ("Gradsko kazalište {city}", "Lutkarsko kazalište {loc}", "Plesni studio {loc}"),
        "festival": ("Festival rane glazbe {loc}", "Festival svjetla {loc}", "Sajam tradicijskih obrta {loc}"),
        "heritage_site": ("Stari grad {city}", "Dvorac {loc}", "Sinagoga {loc}", "Etno selo {loc}"),
        "cultural_centre": ("Pučko otvoreno učilište {city}", "Centar za kulturu {loc}"),
        "creative_business": ("{a} {b} d.o.o.", "Studio {a}", "{a} Games d.o.o.", "{a} Media j.d.o.o."),
        "technology_provider": ("{a} {b} d.o.o.", "{a}Tech d.o.o.", "{a} Systems d.d."),
        "ngo": ("Udruga {a}", "Zaklada {a}", "Udruga za zaštitu baštine {loc}"),
        "public_body": ("Grad {city}", "Turistička zajednica {loc}"),
        "university": ("Sveučilište {loc}", "Institut za baštinu {loc}", "Akademija likovnih umjetnosti {loc}"),
    },
    "de": {
        "museum": ("Stadtmuseum {city}", "Heimatmuseum {city}", "Museum für Volkskunde {city}",
                   "Industriemuseum {city}", "Landesmuseum {city}"),
        "gallery": ("Kunsthalle {city}", "Städtische Galerie {city}", "Galerie {a}"),
        "library": ("Stadtbibliothek {city}", "Landesbibliothek {city}"),
        "archive": ("Stadtarchiv {city}", "Diözesanarchiv {city}"),
        "theatre": ("Stadttheater {city}", "Figurentheater {city}", "Kammerspiele {city}"),
        "festival": ("Festival Alte Musik {city}", "Lichtfestival {city}", "Kunsthandwerkermarkt {city}"),
        "heritage_site": ("Schloss {city}", "Burg {city}", "Alte Synagoge {city}", "Freilichtmuseum {city}"),
        "cultural_centre": ("Kulturzentrum {city}", "Kulturhaus {city}"),
        "creative_business": ("{a} {b} GmbH", "Studio {a}", "{a} Games GmbH", "{a} Medien GmbH"),
        "technology_provider": ("{a} {b} GmbH", "{a}Tech GmbH", "{a} Systems AG"),
        "ngo": ("Verein {a}", "Förderverein Kulturerbe {city}", "Stiftung {a}"),
        "public_body": ("Kulturamt {city}", "Tourismusverband {city}"),
        "university": ("Hochschule {city}", "Institut für Denkmalpflege {city}", "Kunsthochschule {city}"),
    },
    "it": {
        "museum": ("Museo Civico di {city}", "Museo Etnografico di {city}", "Museo Archeologico di {city}",
                   "Museo della Civiltà Contadina di {city}"),
        "gallery": ("Galleria d'Arte Moderna di {city}", "Galleria Civica di {city}", "Galleria {a}"),
        "library": ("Biblioteca Civica di {city}", "Biblioteca Comunale di {city}"),
        "archive": ("Archivio di Stato di {city}", "Archivio Storico Diocesano di {city}"),
        "theatre": ("Teatro Comunale di {city}", "Teatro delle Marionette di {city}"),
        "festival": ("Festival di Musica Antica di {city}", "Festival della Luce di {city}",
                     "Mostra dell'Artigianato di {city}"),
        "heritage_site": ("Castello di {city}", "Villa storica di {city}", "Sinagoga di {city}",
                          "Parco archeologico di {city}"),
        "cultural_centre": ("Centro Culturale di {city}", "Casa della Cultura di {city}"),
        "creative_business": ("{a} {b} S.r.l.", "Studio {a}", "{a} Games S.r.l.", "{a} Media S.r.l.s."),
        "technology_provider": ("{a} {b} S.r.l.", "{a}Tech S.r.l.", "{a} Systems S.p.A."),
        "ngo": ("Associazione {a}", "Fondazione {a}", "Associazione Amici del Patrimonio di {city}"),
        "public_body": ("Comune di {city}", "Ufficio Turistico di {city}"),
        "university": ("Università di {city}", "Istituto per i Beni Culturali di {city}", "Accademia di Belle Arti di {city}"),
    },
}
