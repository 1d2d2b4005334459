#!/usr/bin/env python3
"""Writes corpora/kk-Cyrl-native-words.txt: Kazakh word forms made from native stems and the
regular suffixes (vowel harmony and the assimilation of the suffix's first consonant), for the
lexicon collision test. The stems are the project's own list of common native words; the
forms are regular Kazakh morphology, not taken from any corpus. Run from the repository root."""
import sys

BACK, FRONT = set("аоұы"), set("әөүіе")
VOWELS = set("аоұыәөүіеиуя")
VOICELESS = set("кқпстфхшч")
SONORANT = set("лрйу")  # after these -лар/-дың ... see Suffix()

def front(stem):
    for ch in reversed(stem):
        if ch in BACK: return False
        if ch in FRONT: return True
    return "у" not in stem  # и alone is front (ит: иті), у alone back (су: суы)

def last(stem): return stem[-1]

def harm(s, f):
    table = {"А": "е" if f else "а", "Ы": "і" if f else "ы", "Қ": "к" if f else "қ", "Ғ": "г" if f else "ғ"}
    return "".join(table.get(c, c) for c in s)

def after(stem):
    c = last(stem)
    if c in VOWELS: return "v"
    if c in VOICELESS or c in "бвгд": return "t"
    if c in "мнң": return "n"
    if c in "зж": return "z"
    if c == "л": return "L"
    return "l"   # р й у

def noun_forms(stem):
    f, k = front(stem), after(stem)
    pl = {"v": "лАр", "l": "лАр", "L": "дАр", "n": "дАр", "z": "дАр", "t": "тАр"}[k]
    gen = {"v": "нЫң", "n": "нЫң", "l": "дЫң", "L": "дЫң", "z": "дЫң", "t": "тЫң"}[k]
    acc = {"v": "нЫ", "n": "дЫ", "l": "дЫ", "L": "дЫ", "z": "дЫ", "t": "тЫ"}[k]
    dat = "ҚА" if k == "t" else "ҒА"
    loc = "тА" if k == "t" else "дА"
    abl = {"n": "нАн", "t": "тАн"}.get(k, "дАн")
    ins = {"v": "мен", "l": "мен", "L": "мен", "n": "бен", "z": "бен", "t": "пен"}[k]
    poss3 = "сЫ" if k == "v" else "Ы"
    poss1 = "м" if k == "v" else "Ым"
    adj = {"v": "лЫ", "l": "лЫ", "L": "дЫ", "n": "дЫ", "z": "дЫ", "t": "тЫ"}[k]
    without = "сЫз"
    forms = [stem]
    # к қ п at the end of a stem are voiced before a vowel (кітап + ы = кітабы, бөлшек + і = бөлшегі).
    voiced = stem[:-1] + {"к": "г", "қ": "ғ", "п": "б"}.get(stem[-1], stem[-1])
    for s in (pl, gen, acc, dat, loc, abl, poss3, poss1, adj, without):
        forms.append((voiced if s[0] in "Ы" else stem) + harm(s, f))
    forms.append(stem + ins)
    plural = stem + harm(pl, f)
    for s in ("дЫң", "ЫмЫз", "ДА", "Ы"):
        forms.append(plural + harm(s.replace("Д", "д"), f))
    p3 = (voiced if poss3[0] == "Ы" else stem) + harm(poss3, f)
    for s in ("нЫң", "нА", "н", "ндА", "нАн"):
        forms.append(p3 + harm(s, f))
    return forms

def verb_forms(stem):
    f, k = front(stem), after(stem)
    v = k == "v"
    past = "тЫ" if k == "t" else "дЫ"
    part = "ҚАн" if k == "t" else "ҒАн"
    neg = {"v": "мА", "l": "мА", "L": "мА", "n": "бА", "z": "бА", "t": "пА"}[k]
    forms = []
    for p in ("м", "ң", "", "Қ", "ңЫз", "ңдАр"):
        forms.append(stem + harm(past + p, f))
    # ы/і + й is written и (оқы + йды = оқиды).
    base = stem[:-1] + "и" if stem[-1] in "ыі" else stem + "й" if v else stem + harm("А", f)
    for s in ("дЫ", "мЫн", "мЫз", "сЫң", "сЫз"):
        forms.append(base + harm(s, f))
    for p in ("м", "ң", "", "Қ", "ңЫз"):
        forms.append(stem + harm("сА" + p, f))
    forms.append(stem + harm(part, f))
    forms.append(stem + harm(part + "дА", f))
    forms.append(stem + harm(neg + "йдЫ", f))
    forms.append(stem + harm(neg + past.replace("т", "д"), f))
    forms.append(stem + harm("Ып" if not v else "п", f))
    # ы/і + у is written у (оқы + у = оқу).
    forms.append((stem[:-1] if stem[-1] in "ыі" else stem) + "у")
    forms.append((stem[:-1] if stem[-1] in "ыі" else stem) + harm("уШЫ", f).replace("Ш", "ш"))
    forms.append(stem + harm("Ар" if not v else "р", f))
    return forms

NOUNS = """
ана әке бала қыз ұл іні аға апа әже ата жұбай отбасы ел жер су от тау тас орман өзен көл теңіз дала
аспан күн ай жұлдыз жел қар жаңбыр бұлт ауа жол көше үй есік терезе бөлме төбе еден қабырға шатыр
қала ауыл мектеп сынып сабақ кітап дәптер қалам қағаз сөз тіл хат ән күй өлең жыр ертегі әңгіме
арман ой сезім жүрек көңіл жан тән бас көз құлақ мұрын ауыз тіс қол аяқ саусақ иық арқа бет маңдай
шаш мойын іш бауыр өкпе қан сүйек ет нан сүт шай тамақ ас жеміс алма өрік қауын қарбыз бидай арпа
тары күріш ет май тұз қант бал шекер ыдыс қасық кесе табақ қазан пеш отын көмір темір алтын күміс
мыс қорғасын ағаш жапырақ гүл шөп тамыр бұтақ дән тұқым егін бақ бақша мал жылқы ат түйе сиыр қой
ешкі ит мысық құс қасқыр түлкі аю қоян балық жылан бүркіт қаз үйрек тауық бөлшек нөл рөл жұмыс еңбек
кәсіп өнер білім ғылым оқушы мұғалім дәрігер жазушы ақын әнші биші етікші егінші малшы аңшы батыр
хан би төре халық ұлт мемлекет заң құқық бостандық тәуелсіздік бірлік достық махаббат бақыт қуаныш
қайғы ашу үміт сенім ниет мақсат жоспар шешім сұрақ жауап мәселе жағдай уақыт сағат минөт апта жыл
таң кеш түн күз қыс көктем жаз дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі кеңсе дүкен
базар ақша баға сауда тауар зат киім көйлек шалбар етік бөрік тон белбеу сөмке жүк арба кеме көлік
ұшақ пойыз бекет аялдама сапар саяхат қонақ той мереке ойын спорт жарыс жеңіс тарих мәдениет салт
дәстүр ғұрып тәрбие денсаулық ауру ем дәрі дене күш ақыл ес қиял түс бейне сурет айна шам жарық
көлеңке дыбыс үн дауыс айқай тыныштық сөйлем мағына мазмұн тақырып бөлім тарау бет жол нүкте үтір
әріп сан есеп өлшем салмақ ұзындық биіктік тереңдік ен көлем бағыт шығыс батыс оңтүстік солтүстік
айгүл гүлнар ерлан асқар бекзат нұрлан ғалым серік айдос мерей жансая сәуле әсел дана мейрам
""".split()

VERBS = """
кел кет бар жүр тұр отыр жат көр біл сез ойла айт сөйле жаз оқы сана есепте тыңда қара бақ ізде тап
ал бер сал қой жина ас же іш пісір тоқы тік кес жу сүрт тазала құр сал аш жап баста бітір аяқта
күт шақыр сұра жауап шық кір түс мін өт қайт тоқта жүгір секір жүз ұш құла тұрғыз көтер түсір жылжы
сүй ұна жақта қорға сақта ұмыт есте үйрен үйрет түсін түсіндір дайында жөнде жаса құрастыр ойна биле
күл жыла қуан ренжі қорық шарша демал ұйықта оян әкел әкет жібер қабылда таны таныс ес
түшкір жөтел ауыр қатты жеңіл сен күдіктен таңда шеш ұйымдастыр басқар жұмса төле сат сатып көмектес
""".split()

FUNCTION = """
және немесе бірақ сондықтан себебі өйткені егер әрі да де та те ма ме ба бе па пе ғой қой ғана
тек әлі енді қазір бүгін ертең кеше мұнда сонда қайда қашан неге неше қалай кім не бұл сол осы
анау мынау менің сенің оның біздің сіздің олардың маған саған оған бізге сізге оларға мені сені оны
""".split()

def main(path):
    words = set(FUNCTION)
    for n in NOUNS:
        if n.isalpha(): words.update(noun_forms(n))
    for v in VERBS:
        if v.isalpha() and all(c in "абвгғдежзийкқлмнңоөпрстуұүфхһчшыіэюя" for c in v):
            words.update(verb_forms(v))
    # й + а and й + у are written я and ю (қой + а = қоя-, қой + у = қою).
    words = {w.replace("йа", "я").replace("йу", "ю") for w in words}
    bad = [w for w in words if any(c in w for c in "цщёьъэ")]
    assert not bad, bad[:5]
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Native Kazakh word forms for the lexicon collision test (tests/lexicon/):\n")
        out.write("# made by scripts/make-native-words.py from native stems and regular suffixes.\n")
        for w in sorted(words): out.write(w + "\n")
    print(len(words), "word forms")

main(sys.argv[1] if len(sys.argv) > 1 else "corpora/kk-Cyrl-native-words.txt")
