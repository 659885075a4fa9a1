"""Towns where demo organisations are placed.

Most of a demo hub sits in Podkarpackie (PL82), the region the product was
first built for; the rest is spread over neighbouring Central European
regions. Each town carries its NUTS 2021 level-3 code, approximate real
coordinates and the locative phrase its own language uses in names and
sentences ("w Łańcucie", "v Košiciach", "Miskolcon").
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COUNTRY_LANGUAGE", "TOWNS", "Town"]

#: Main language of each country in the hub.
COUNTRY_LANGUAGE = {
    "PL": "pl", "SK": "sk", "HU": "hu", "CZ": "cs", "SI": "sl",
    "HR": "hr", "AT": "de", "DE": "de", "IT": "it",
}


@dataclass(frozen=True, slots=True)
class Town:
    """A real town: ``loc`` is the locative phrase, ``adjective`` the Hungarian -i form."""

    name: str
    region: str
    latitude: float
    longitude: float
    weight: float
    loc: str
    adjective: str = ""

    @property
    def country(self) -> str:
        return self.region[:2]


def _towns(rows: str, weight_scale: float) -> list[Town]:
    towns = []
    for line in rows.strip().splitlines():
        name, region, lat, lon, weight, loc, *adjective = (part.strip() for part in line.split("|"))
        towns.append(Town(name, region, float(lat), float(lon), float(weight) * weight_scale, loc,
                          adjective[0] if adjective else ""))
    return towns


# Podkarpackie: NUTS 3 by powiat (krośnieński: bieszczadzki, brzozowski, jasielski,
# krośnieński, leski, sanocki; przemyski: jarosławski, lubaczowski, przemyski,
# przeworski; rzeszowski: łańcucki, ropczycko-sędziszowski, rzeszowski, strzyżowski;
# tarnobrzeski: dębicki, kolbuszowski, leżajski, mielecki, niżański, stalowowolski,
# tarnobrzeski).
_PODKARPACKIE = """
Rzeszów|PL823|50.0412|21.9991|14|w Rzeszowie
Łańcut|PL823|50.0687|22.2290|3|w Łańcucie
Strzyżów|PL823|49.8700|21.7950|1|w Strzyżowie
Ropczyce|PL823|50.0520|21.6100|1|w Ropczycach
Tyczyn|PL823|49.9640|22.0330|1|w Tyczynie
Markowa|PL823|50.0170|22.3110|0.6|w Markowej
Sędziszów Małopolski|PL823|50.0700|21.7000|0.8|w Sędziszowie Małopolskim
Głogów Małopolski|PL823|50.1510|21.9620|0.8|w Głogowie Małopolskim
Krosno|PL821|49.6939|21.7650|4|w Krośnie
Sanok|PL821|49.5557|22.2050|3.5|w Sanoku
Jasło|PL821|49.7450|21.4720|3|w Jaśle
Lesko|PL821|49.4700|22.3300|1.2|w Lesku
Ustrzyki Dolne|PL821|49.4300|22.5900|1.2|w Ustrzykach Dolnych
Dukla|PL821|49.5550|21.6830|1|w Dukli
Baligród|PL821|49.3320|22.2850|0.6|w Baligrodzie
Cisna|PL821|49.2170|22.3280|0.5|w Cisnej
Komańcza|PL821|49.3390|22.0620|0.5|w Komańczy
Brzozów|PL821|49.6950|22.0190|1.2|w Brzozowie
Rymanów|PL821|49.5780|21.8690|1|w Rymanowie
Iwonicz-Zdrój|PL821|49.5680|21.7880|0.8|w Iwoniczu-Zdroju
Bóbrka|PL821|49.6360|21.7200|0.4|w Bóbrce
Haczów|PL821|49.6640|21.8970|0.4|w Haczowie
Przemyśl|PL822|49.7838|22.7678|4|w Przemyślu
Jarosław|PL822|50.0160|22.6780|3|w Jarosławiu
Przeworsk|PL822|50.0590|22.4940|1.5|w Przeworsku
Lubaczów|PL822|50.1570|23.1230|1.2|w Lubaczowie
Radymno|PL822|49.9480|22.8150|0.7|w Radymnie
Bircza|PL822|49.6920|22.4790|0.6|w Birczy
Krasiczyn|PL822|49.7760|22.6520|0.5|w Krasiczynie
Dubiecko|PL822|49.8240|22.3910|0.5|w Dubiecku
Tarnobrzeg|PL824|50.5730|21.6790|3|w Tarnobrzegu
Stalowa Wola|PL824|50.5827|22.0532|3.5|w Stalowej Woli
Mielec|PL824|50.2870|21.4240|3.5|w Mielcu
Dębica|PL824|50.0516|21.4114|3|w Dębicy
Leżajsk|PL824|50.2620|22.4190|1.5|w Leżajsku
Kolbuszowa|PL824|50.2440|21.7750|1.2|w Kolbuszowej
Nisko|PL824|50.5210|22.1390|1.2|w Nisku
Baranów Sandomierski|PL824|50.4990|21.5420|0.6|w Baranowie Sandomierskim
Dynów|PL823|49.8160|22.2330|0.6|w Dynowie
Czudec|PL823|49.9440|21.8370|0.4|w Czudcu
Błażowa|PL823|49.8880|22.0990|0.4|w Błażowej
Sokołów Małopolski|PL823|50.2280|22.1230|0.5|w Sokołowie Małopolskim
Żołynia|PL823|50.1600|22.3100|0.3|w Żołyni
Korczyna|PL821|49.7170|21.8120|0.4|w Korczynie
Jedlicze|PL821|49.7170|21.6500|0.5|w Jedliczu
Zagórz|PL821|49.5150|22.2680|0.5|w Zagórzu
Polańczyk|PL821|49.3670|22.4200|0.3|w Polańczyku
Lutowiska|PL821|49.2450|22.6920|0.3|w Lutowiskach
Krempna|PL821|49.5100|21.5100|0.3|w Krempnej
Nowy Żmigród|PL821|49.6080|21.5360|0.3|w Nowym Żmigrodzie
Kołaczyce|PL821|49.8100|21.4300|0.3|w Kołaczycach
Jaśliska|PL821|49.4390|21.8000|0.3|w Jaśliskach
Pruchnik|PL822|49.9080|22.5270|0.3|w Pruchniku
Kańczuga|PL822|49.9840|22.4130|0.4|w Kańczudze
Sieniawa|PL822|50.1760|22.6080|0.4|w Sieniawie
Cieszanów|PL822|50.2470|23.1250|0.3|w Cieszanowie
Horyniec-Zdrój|PL822|50.1900|23.3630|0.3|w Horyńcu-Zdroju
Narol|PL822|50.3500|23.3240|0.3|w Narolu
Oleszyce|PL822|50.1670|23.0370|0.3|w Oleszycach
Rudnik nad Sanem|PL824|50.4440|22.2440|0.4|w Rudniku nad Sanem
Ulanów|PL824|50.4910|22.2640|0.3|w Ulanowie
Nowa Dęba|PL824|50.4180|21.7560|0.5|w Nowej Dębie
Radomyśl Wielki|PL824|50.1970|21.2730|0.3|w Radomyślu Wielkim
Pilzno|PL824|49.9790|21.2900|0.4|w Pilźnie
Brzostek|PL824|49.8800|21.4120|0.3|w Brzostku
Nowa Sarzyna|PL824|50.3420|22.3380|0.4|w Nowej Sarzynie
"""

_NEIGHBOURS_PL = """
Kraków|PL213|50.0647|19.9450|10|w Krakowie
Wieliczka|PL214|49.9870|20.0650|1.2|w Wieliczce
Tarnów|PL217|50.0121|20.9858|3|w Tarnowie
Nowy Sącz|PL218|49.6218|20.6970|2.5|w Nowym Sączu
Gorlice|PL218|49.6556|21.1600|1.2|w Gorlicach
Zakopane|PL219|49.2992|19.9496|1.5|w Zakopanem
Nowy Targ|PL219|49.4775|20.0320|1|w Nowym Targu
Oświęcim|PL21A|50.0344|19.2098|1.2|w Oświęcimiu
Lublin|PL814|51.2465|22.5684|6|w Lublinie
Zamość|PL812|50.7231|23.2520|2|w Zamościu
Chełm|PL812|51.1431|23.4716|1.5|w Chełmie
Puławy|PL815|51.4166|21.9690|1.2|w Puławach
Kazimierz Dolny|PL815|51.3220|21.9480|1|w Kazimierzu Dolnym
Biała Podlaska|PL811|52.0324|23.1165|1|w Białej Podlaskiej
Kielce|PL721|50.8661|20.6286|4|w Kielcach
Chęciny|PL721|50.7990|20.4610|0.6|w Chęcinach
Sandomierz|PL722|50.6827|21.7489|1.5|w Sandomierzu
Jędrzejów|PL722|50.6387|20.3036|0.8|w Jędrzejowie
"""

_ABROAD = """
Košice|SK042|48.7164|21.2611|5|v Košiciach
Spišská Nová Ves|SK042|48.9440|20.5650|1|v Spišskej Novej Vsi
Rožňava|SK042|48.6600|20.5320|0.8|v Rožňave
Prešov|SK041|48.9984|21.2339|3|v Prešove
Bardejov|SK041|49.2920|21.2760|1.2|v Bardejove
Levoča|SK041|49.0250|20.5880|1|v Levoči
Kežmarok|SK041|49.1370|20.4310|0.8|v Kežmarku
Humenné|SK041|48.9300|21.9100|0.8|v Humennom
Svidník|SK041|49.3060|21.5680|0.6|vo Svidníku
Medzilaborce|SK041|49.2720|21.9030|0.4|v Medzilaborciach
Miskolc|HU311|48.1035|20.7784|4|Miskolcon|Miskolci
Tokaj|HU311|48.1170|21.4090|0.8|Tokajban|Tokaji
Sárospatak|HU311|48.3190|21.5710|0.8|Sárospatakon|Sárospataki
Ózd|HU311|48.2170|20.2890|0.6|Ózdon|Ózdi
Kazincbarcika|HU311|48.2530|20.6450|0.6|Kazincbarcikán|Kazincbarcikai
Edelény|HU311|48.2960|20.7370|0.4|Edelényben|Edelényi
Budapest|HU110|47.4979|19.0402|6|Budapesten|Budapesti
Ostrava|CZ080|49.8209|18.2625|4|v Ostravě
Opava|CZ080|49.9387|17.9026|1.2|v Opavě
Frýdek-Místek|CZ080|49.6833|18.3500|1|ve Frýdku-Místku
Štramberk|CZ080|49.5920|18.1170|0.4|ve Štramberku
Praha|CZ010|50.0755|14.4378|6|v Praze
Brno|CZ064|49.1951|16.6068|4|v Brně
Mikulov|CZ064|48.8056|16.6378|0.6|v Mikulově
Znojmo|CZ064|48.8555|16.0488|0.8|ve Znojmě
Ljubljana|SI041|46.0569|14.5058|5|v Ljubljani
Kamnik|SI041|46.2250|14.6120|0.8|v Kamniku
Vrhnika|SI041|45.9660|14.2950|0.6|na Vrhniki
Domžale|SI041|46.1380|14.5940|0.8|v Domžalah
Grosuplje|SI041|45.9550|14.6590|0.5|v Grosupljem
Zagreb|HR050|45.8150|15.9819|6|u Zagrebu
Samobor|HR065|45.8011|15.7100|0.8|u Samoboru
Velika Gorica|HR065|45.7125|16.0756|0.8|u Velikoj Gorici
Zaprešić|HR065|45.8560|15.8080|0.6|u Zaprešiću
Wien|AT130|48.2082|16.3738|6|in Wien
Graz|AT221|47.0707|15.4395|3|in Graz
Leoben|AT223|47.3765|15.0914|0.8|in Leoben
Feldbach|AT224|46.9530|15.8880|0.5|in Feldbach
Leibnitz|AT225|46.7820|15.5380|0.5|in Leibnitz
Admont|AT222|47.5740|14.4610|0.4|in Admont
Dresden|DED21|51.0504|13.7373|2.5|in Dresden
Leipzig|DED51|51.3397|12.3731|2.5|in Leipzig
Görlitz|DED2D|51.1526|14.9874|0.8|in Görlitz
Meißen|DED2E|51.1634|13.4737|0.6|in Meißen
Chemnitz|DED41|50.8278|12.9214|1.2|in Chemnitz
Bautzen|DED2C|51.1814|14.4247|0.6|in Bautzen
München|DE212|48.1351|11.5820|3|in München
Nürnberg|DE254|49.4521|11.0767|1.5|in Nürnberg
Regensburg|DE232|49.0134|12.1016|1|in Regensburg
Bamberg|DE241|49.8988|10.9028|0.8|in Bamberg
Passau|DE222|48.5665|13.4312|0.6|in Passau
Trieste|ITH44|45.6495|13.7768|2|a Trieste
Udine|ITH42|46.0711|13.2346|1.5|a Udine
Cividale del Friuli|ITH42|46.0930|13.4320|0.5|a Cividale del Friuli
Aquileia|ITH42|45.7690|13.3700|0.4|ad Aquileia
Gorizia|ITH43|45.9402|13.6202|0.8|a Gorizia
Pordenone|ITH41|45.9564|12.6615|0.8|a Pordenone
Venezia|ITH35|45.4408|12.3155|2|a Venezia
Padova|ITH36|45.4064|11.8768|1.5|a Padova
Verona|ITH31|45.4384|10.9916|1.5|a Verona
Vicenza|ITH32|45.5455|11.5354|1|a Vicenza
Treviso|ITH34|45.6669|12.2430|0.8|a Treviso
Bassano del Grappa|ITH32|45.7660|11.7340|0.5|a Bassano del Grappa
"""


def _scaled(rows: str, share: float) -> list[Town]:
    towns = _towns(rows, 1.0)
    total = sum(town.weight for town in towns)
    return [Town(t.name, t.region, t.latitude, t.longitude, t.weight * share / total, t.loc, t.adjective)
            for t in towns]


def _abroad(share_by_country: dict[str, float]) -> list[Town]:
    towns = _towns(_ABROAD, 1.0)
    scaled = []
    for country, share in share_by_country.items():
        mine = [t for t in towns if t.country == country]
        total = sum(t.weight for t in mine)
        scaled.extend(Town(t.name, t.region, t.latitude, t.longitude, t.weight * share / total, t.loc,
                           t.adjective) for t in mine)
    return scaled


#: Every town with its share of organisations (shares sum to 1).
TOWNS: tuple[Town, ...] = tuple(
    _scaled(_PODKARPACKIE, 0.58)
    + _scaled(_NEIGHBOURS_PL, 0.12)
    + _abroad({"SK": 0.06, "HU": 0.05, "CZ": 0.05, "SI": 0.03, "HR": 0.03, "AT": 0.025,
               "DE": 0.025, "IT": 0.03})
)
