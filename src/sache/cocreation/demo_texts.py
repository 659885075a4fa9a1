"""Contributions of the demo World Café in Rzeszów: per area, themes of four notes in several languages.

Written for the demo; each inner list is one theme, so the synthesis has a known grouping.
"""

AREAS = [
    (
        "Cyfryzacja i otwarte zbiory",
        "Jak udostępnić zbiory twórcom do ponownego wykorzystania?",
        [
            [
                ("pl", "need", "Potrzebujemy wspólnego skanera 3D i fotogrametrii dla małych muzeów regionu."),
                ("en", "idea", "A shared 3D scanning lab that small museums can book by the day."),
                ("pl", "obstacle", "Małe muzea nie mają sprzętu do digitalizacji obiektów trójwymiarowych."),
                ("de", "idea", "Ein gemeinsames 3D-Scanlabor für kleine Museen der Region."),
            ],
            [
                ("en", "recommendation", "Publish images under open licences such as CC BY so studios can reuse them."),
                ("pl", "obstacle", "Niejasne prawa autorskie do zdjęć zbiorów blokują ponowne wykorzystanie."),
                ("cs", "recommendation", "Zveřejňovat digitalizované sbírky pod otevřenou licencí CC BY."),
                ("pl", "recommendation", "Oznaczać każde zdjęcie zbiorów jasną licencją, najlepiej CC BY."),
            ],
            [
                ("en", "need", "Metadata is inconsistent; we need one shared vocabulary for the region's collections."),
                ("pl", "need", "Wspólny słownik metadanych dla zbiorów wszystkich muzeów województwa."),
                ("sk", "obstacle", "Metadáta zbierok sú nejednotné a ťažko sa v nich vyhľadáva."),
                ("en", "idea", "Harvest all museum catalogues into one searchable regional portal."),
            ],
        ],
    ),
    (
        "Turystyka dziedzictwa i nowa publiczność",
        "Jak przyciągnąć młodych odbiorców i turystów do miejsc dziedzictwa?",
        [
            [
                ("pl", "idea", "Gra miejska z rozszerzoną rzeczywistością po zabytkach Rzeszowa."),
                ("en", "idea", "An augmented reality city game that leads visitors between heritage sites."),
                ("hu", "idea", "Kiterjesztett valóság városi játék a műemlékek között."),
                ("pl", "idea", "Ścieżka AR w zamku, która ożywia dawnych mieszkańców."),
            ],
            [
                ("en", "need", "Young people do not come; we need content on TikTok and Instagram."),
                ("pl", "obstacle", "Młodzież nie odwiedza muzeów, bo nie ma nas w mediach społecznościowych."),
                ("pl", "idea", "Krótkie filmy o zbiorach nagrywane z lokalnymi twórcami na TikToka."),
                ("it", "idea", "Brevi video sui social con creatori locali per attirare i giovani."),
            ],
            [
                ("pl", "recommendation", "Wspólny bilet na szlak zamków i muzeów Podkarpacia."),
                ("en", "recommendation", "One combined ticket for the castle and museum trail of the region."),
                ("de", "recommendation", "Ein gemeinsames Ticket für die Burgen- und Museumsroute."),
                ("pl", "need", "Lepsza informacja turystyczna o szlaku zamków w kilku językach."),
            ],
        ],
    ),
    (
        "Kompetencje i szkolenia",
        "Jakich umiejętności brakuje, by instytucje i twórcy pracowali razem?",
        [
            [
                ("pl", "need", "Szkolenia dla pracowników muzeów z zarządzania projektami cyfrowymi."),
                ("en", "need", "Museum staff need training in managing digital projects with agencies."),
                ("pl", "obstacle", "Pracownicy muzeów nie umieją pisać briefu dla firmy kreatywnej."),
                ("en", "recommendation", "Teach curators to write a clear brief for a creative studio."),
            ],
            [
                ("en", "idea", "Paid internships of designers inside museums for three months."),
                ("pl", "idea", "Staże projektantów i programistów w muzeach, opłacane z programu."),
                ("cs", "idea", "Placené stáže designérů přímo v muzeích."),
                ("pl", "recommendation", "Wymiana pracowników między muzeum a studiem na kilka tygodni."),
            ],
            [
                ("pl", "need", "Kurs prawa autorskiego i licencji dla instytucji i twórców."),
                ("en", "need", "A short course on copyright and licensing for both sectors."),
                ("sk", "need", "Kurz autorského práva a licencií pre múzeá aj tvorcov."),
                ("en", "obstacle", "Nobody on our team understands licensing of digital reproductions."),
            ],
        ],
    ),
    (
        "Finansowanie i modele biznesowe",
        "Jak finansować współpracę, by trwała dłużej niż jeden projekt?",
        [
            [
                ("pl", "recommendation", "Małe granty na pilotaże do 20 tysięcy euro z prostym wnioskiem."),
                ("en", "recommendation", "Small pilot grants with a two-page application and a quick decision."),
                ("pl", "obstacle", "Wnioski grantowe są zbyt skomplikowane dla małych studiów."),
                ("de", "recommendation", "Kleine Pilotförderungen mit einfachem Antrag."),
            ],
            [
                ("en", "idea", "Share revenue from licensed products between the museum and the studio."),
                ("pl", "idea", "Podział przychodów ze sprzedaży produktów licencjonowanych między muzeum a studio."),
                ("pl", "obstacle", "Muzeum nie może łatwo dzielić się przychodem z firmą prywatną."),
                ("hu", "idea", "A licencelt termékek bevételének megosztása a múzeum és a stúdió között."),
            ],
            [
                ("pl", "need", "Wkład własny jest barierą dla instytucji samorządowych."),
                ("en", "obstacle", "Co-financing requirements exclude small municipal institutions."),
                ("it", "obstacle", "Il cofinanziamento obbligatorio esclude le piccole istituzioni."),
                ("pl", "recommendation", "Obniżyć wymagany wkład własny dla najmniejszych muzeów."),
            ],
        ],
    ),
    (
        "Współpraca i zamówienia publiczne",
        "Co utrudnia współpracę instytucji publicznych z sektorem kreatywnym?",
        [
            [
                ("pl", "obstacle", "Prawo zamówień publicznych wymusza wybór najtańszej oferty, nie najlepszej."),
                ("en", "obstacle", "Public procurement rules favour the cheapest offer over the best idea."),
                ("pl", "recommendation", "Konkursy na koncepcję zamiast przetargów na najniższą cenę."),
                ("cs", "obstacle", "Veřejné zakázky vybírají nejlevnější nabídku místo nejlepší."),
            ],
            [
                ("en", "idea", "Regular matchmaking days where museums pitch their needs to studios."),
                ("pl", "idea", "Regularne spotkania, na których muzea przedstawiają swoje potrzeby firmom."),
                ("de", "idea", "Regelmäßige Matchmaking-Tage zwischen Museen und Kreativfirmen."),
                ("pl", "need", "Potrzebujemy miejsca, gdzie poznamy firmy kreatywne z regionu."),
            ],
            [
                ("pl", "recommendation", "Wzorcowa umowa o współpracy muzeum i studia z podziałem praw."),
                ("en", "recommendation", "A model contract for museum and studio cooperation, with rights clearly split."),
                ("sk", "recommendation", "Vzorová zmluva o spolupráci múzea a štúdia."),
                ("en", "need", "Templates for agreements would save months of legal work."),
            ],
        ],
    ),
]

INTRODUCTION = (
    "Wnioski z kawiarni obywatelskiej (World Café) „Dziedzictwo spotyka kreatywność” w Rzeszowie: "
    "trzydzieści osób z muzeów, firm kreatywnych, firm technologicznych i administracji publicznej "
    "rozmawiało przy pięciu stołach w trzech rundach. Poniżej tematy uporządkowane według liczby głosów, "
    "z wypowiedziami, które najlepiej je oddają. Agencja rozwoju regionalnego przedstawi te wnioski "
    "zarządowi województwa i uwzględni je w naborze na działania pilotażowe."
)
