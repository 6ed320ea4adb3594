"""Word lists the rules share: titles, honorifics, nationalities, organisation words, verbs of speech.

Kept apart from the rules so that adding a title or a country is a one-line change.
"""

from __future__ import annotations

from briefing.importer.patterns import lazy


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_HEADS = _words(
    """
    president premier minister secretary chancellor representative ambassador senator
    congressman congresswoman governor mayor judge justice executive ceo cfo coo cto chairman
    chairwoman chair chairperson director director-general secretary-general general admiral
    commissioner spokesperson spokesman spokeswoman coach manager captain striker defender
    midfielder goalkeeper forward winger quarterback pitcher officer leader councilmember
    councillor councilor councilman councilwoman teacher lawyer attorney economist analyst
    reviewer adviser advisor epidemiologist scientist researcher founder co-founder king queen
    prince princess pope sheikh emir sultan chief commander colonel sergeant inspector
    superintendent detective speaker lawmaker legislator prosecutor solicitor barrister
    engineer nurse physician surgeon doctor pundit editor correspondent owner treasurer trustee
    administrator dean bishop archbishop cardinal rabbi imam pastor envoy negotiator diplomat
    president-elect vice-president consultant strategist historian activist campaigner
    organiser organizer chef architect designer author writer journalist photographer
    producer player athlete referee umpire investor trader banker regulator auditor
    head partner principal provost rector registrar mp mep td mla undersecretary professor
    curator lecturer instructor
    """
)
"""Words that end a title ("Treasury *Secretary*", "head *coach*")."""

TITLE_MODIFIERS = _words(
    """
    vice deputy prime foreign chief senior junior assistant associate acting interim former
    head executive general principal managing lead top retired independent trade treasury
    finance financial health defense defence interior home economy economic agriculture
    transport education energy environment labour labor employment commerce operating
    technology technical medical public attorney majority minority opposition state union
    party team club first co research policy communications press political legal military
    security national federal regional local district county high supreme appeals circuit
    permanent special marketing sales product investment market industry business data
    software hardware science climate world global international crown grand information
    justice housing culture sport sports tourism water transportation homeland
    """
)
"""Words that may come before a title head inside a title ("*Vice* Premier")."""

DOMAIN_HEADS = _words(
    "minister secretary representative commissioner spokesperson spokesman spokeswoman "
    "correspondent editor director officer chief adviser advisor envoy"
)
"""Title heads that may take any one capitalised word before them ("*Irrigation* Minister")."""

OF_HEADS = _words("head director chief minister secretary president chair chairman professor")
"""Title heads that may take "of ..." as part of the title ("head of hardware")."""

HONORIFICS = _words("mr mrs ms miss dr prof professor sir dame lord lady mx mme mlle herr")
"""Words before a name that are courtesy, not a role (Professor counts as a role of last resort)."""

NAME_SUFFIXES = _words("jr sr ii iii iv td mp mep mla phd md obe mbe cbe kc qc")

NATIONALITIES = {
    "u.s.": "United States", "us": "United States", "american": "United States",
    "america": "United States", "united states": "United States", "chinese": "China",
    "malaysian": "Malaysia", "canadian": "Canada", "mexican": "Mexico", "ethiopian": "Ethiopia",
    "kenyan": "Kenya", "egyptian": "Egypt", "sudanese": "Sudan", "ugandan": "Uganda",
    "british": "United Kingdom", "u.k.": "United Kingdom", "uk": "United Kingdom",
    "french": "France", "german": "Germany", "japanese": "Japan", "korean": "South Korea",
    "russian": "Russia", "indian": "India", "brazilian": "Brazil", "australian": "Australia",
    "norwegian": "Norway", "irish": "Ireland", "italian": "Italy", "spanish": "Spain",
    "turkish": "Türkiye", "israeli": "Israel", "iranian": "Iran", "saudi": "Saudi Arabia",
    "thai": "Thailand", "vietnamese": "Vietnam", "indonesian": "Indonesia",
    "philippine": "Philippines", "filipino": "Philippines", "pakistani": "Pakistan",
    "nigerian": "Nigeria", "ukrainian": "Ukraine", "polish": "Poland", "dutch": "Netherlands",
    "swedish": "Sweden", "danish": "Denmark", "finnish": "Finland", "swiss": "Switzerland",
    "austrian": "Austria", "belgian": "Belgium", "greek": "Greece", "portuguese": "Portugal",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile",
    "colombian": "Colombia", "peruvian": "Peru", "venezuelan": "Venezuela", "cuban": "Cuba",
    "taiwanese": "Taiwan", "singaporean": "Singapore", "cambodian": "Cambodia",
    "south african": "South Africa", "north korean": "North Korea", "south korean": "South Korea",
    "eu": "European Union", "european": "European Union", "scottish": "United Kingdom",
    "welsh": "United Kingdom", "english": "United Kingdom", "ghanaian": "Ghana",
    "tanzanian": "Tanzania", "rwandan": "Rwanda", "somali": "Somalia", "eritrean": "Eritrea",
    "south sudanese": "South Sudan", "moroccan": "Morocco", "algerian": "Algeria",
    "tunisian": "Tunisia", "libyan": "Libya", "jordanian": "Jordan", "lebanese": "Lebanon",
    "syrian": "Syria", "iraqi": "Iraq", "afghan": "Afghanistan", "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka", "nepalese": "Nepal", "mongolian": "Mongolia",
    "new zealand": "New Zealand", "hungarian": "Hungary", "czech": "Czechia",
    "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia", "croatian": "Croatia",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania",
    "icelandic": "Iceland", "qatari": "Qatar", "emirati": "United Arab Emirates",
}  # fmt: skip
"""Nationality words (lower case) and the country they stand for."""

COUNTRIES = frozenset(
    {c.lower() for c in NATIONALITIES.values()}
    | _words(
        "china malaysia canada mexico ethiopia kenya egypt sudan uganda france germany japan "
        "russia india brazil australia norway ireland italy spain turkey israel iran thailand "
        "vietnam indonesia philippines pakistan nigeria ukraine poland netherlands sweden "
        "denmark finland switzerland austria belgium greece portugal argentina chile colombia "
        "peru venezuela cuba taiwan singapore cambodia korea britain england scotland wales "
        "europe asia africa beijing washington london paris moscow tokyo brussels geneva "
        "ottawa oslo chicago"
    )
)
"""Countries and a few capitals (lower case): never part of a person's name."""

ORG_WORDS = _words(
    """
    inc corp co ltd llc plc group foods bank ministry department office agency council
    commission committee court senate chamber parliament congress assembly university college
    institute school hospital association union federation league alliance party center
    centre foundation fund trust service services authority board organization organisation
    securities research review news times post press daily herald journal club fc united
    city town rovers stadium airport port terminals partners capital holdings industries
    systems technologies energy motors airlines reserve force army navy police government
    republic kingdom states province region district county street road avenue square tower
    summit conference forum games cup trophy championship olympics prize award plan act bill
    law treaty accord agreement deal strategy programme program project initiative network
    media studio studios records wire desk today dispatch ledger courier tribune gazette
    monitor observer guardian telegraph express mail mirror island islands river lake valley
    bay coast sea ocean gulf basin dam bridge station market hall house palace church museum
    library circuit panel corridor office statistics moors day management prize magazine
    festival gallery galleries memorial hotel wiki series expo corps
    """
)
"""Words that mark an organisation or a place, not a person."""

STOP_CAPS = _words(
    """
    the a an in on at but and or after before during following speaking according as if when
    while under over with without not no asked this that these those it its his her their our
    we they i you he she both some many most analysts officials diplomats experts critics
    residents authorities there here what why how who where which yet so also then however
    meanwhile still once since until because though although despite among between for from
    by to of into about against than like unlike throughout every each all any other another
    such more less one two three four five six seven eight nine ten first last next new
    mr mrs ms dr prof sir dame lord lady st yesterday today tomorrow tonight image
    """
)
"""Capitalised words that start sentences but never names."""

COMPASS = _words("north south east west northern southern eastern western central")
"""Compass words: a bare capitalised phrase holding one is a place ("North Carolina", "Kowloon West")."""

KIN_WORDS = _words(
    "father mother wife husband son daughter sister brother uncle aunt grandson granddaughter "
    "grandfather grandmother cousin nephew niece widow widower fiancé fiancée girlfriend boyfriend"
)
"""Words of kinship: before a name they are its role ("his father Thomas")."""

NOT_ROLE_NOUNS = _words(
    "other after under over never either neither whether rather together however later "
    "former latter another further ever whoever whatever whenever number order border "
    "member matter paper water weather winter summer center centre corner quarter power "
    "major minor junior senior prior interior exterior error honor honour favor favour "
    "color colour labor labour sector factor mirror meteor manner dinner letter chapter "
    "quarter register computer monitor poster sister brother mother father daughter "
    "various previous significant important distant constant giant brilliant elegant "
    "ancient vacant relevant pleasant older younger newer bigger larger smaller higher lower "
    "greater better longer faster stronger wider cheaper richer poorer easier harder lesser"
)
"""Words with an agent-noun ending that do not name a person's role (or are kin words)."""

WORK_NOUNS = _words(
    "film movie novel book album song series show play game magazine newspaper site website "
    "blog costume character brand browser software app exhibit exhibition painting print"
)
"""Kinds of work or thing whose name follows them ("the film Easy Rider"): not people."""

PRONOUNS = _words("he she")
"""Pronouns that stand for one person (``they`` stands for a group, so it is not resolved)."""

NICKNAMES = {
    "bob": "robert", "bobby": "robert", "rob": "robert", "robbie": "robert", "bill": "william",
    "billy": "william", "will": "william", "liam": "william", "jim": "james", "jimmy": "james",
    "mike": "michael", "mick": "michael", "tom": "thomas", "tommy": "thomas", "kate": "katherine",
    "katie": "katherine", "kathy": "katherine", "liz": "elizabeth", "beth": "elizabeth",
    "betty": "elizabeth", "alex": "alexander", "chris": "christopher", "dan": "daniel",
    "danny": "daniel", "dave": "david", "joe": "joseph", "ben": "benjamin", "sam": "samuel",
    "nick": "nicholas", "tony": "anthony", "steve": "stephen", "andy": "andrew",
    "matt": "matthew", "pat": "patrick", "jen": "jennifer", "jenny": "jennifer", "sue": "susan",
    "meg": "margaret", "peggy": "margaret", "maggie": "margaret", "ed": "edward", "ted": "edward",
    "ned": "edward", "jon": "jonathan", "greg": "gregory", "jeff": "jeffrey", "ken": "kenneth",
    "larry": "lawrence", "nate": "nathan", "ron": "ronald", "don": "donald", "abby": "abigail",
    "becky": "rebecca", "vicky": "victoria", "jack": "john", "johnny": "john", "dick": "richard",
    "rick": "richard", "hank": "henry", "harry": "henry", "phil": "philip", "pippa": "philippa",
    "fred": "frederick", "charlie": "charles", "chuck": "charles", "sandy": "alexandra",
    "tim": "timothy", "walt": "walter", "al": "albert", "pete": "peter", "gerry": "gerald",
}  # fmt: skip
"""Short forms of first names: "Phil Schiller" is "Philip Schiller"."""

SPEECH_VERBS = _words(
    """
    said says say told tells added adds noted notes explained explains argued argues warned
    warns insisted insists insist stressed stresses wrote writes asked asks replied replies
    recalled recalls acknowledged acknowledges admitted admits declared declares announced
    announces described describes describing called calls calling continued continues
    cautioned cautions conceded concedes predicted predicts urged urges claimed claims
    suggested suggests observed observes remarked remarks commented comments stated states
    tweeted posted maintained maintains promised promises vowed vows pledged pledges joked
    jokes saying adding telling noting warning insisting told reporters put described
    agreed agrees complained complains boasted boasts countered counters responded responds
    answered answers mused muses quipped quips shouted shouts conceded confirmed confirms
    denied denies emphasised emphasized emphasises emphasizes reiterated reiterates
    welcomed welcomes praised praises criticised criticized criticises criticizes labelled
    labeled dubbed branded hailed hails asserted asserts concluded concludes reasoned reasons
    tweets commented testified testifies
    """
)
"""Verbs that introduce reported words."""

SPEECH_VERB_RE = lazy(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"|(?i:according to))\b"
)

ANONYMOUS = _words(
    """
    official officials spokesperson spokesman spokeswoman source sources person people company
    statement ministry agency government police union group firm operator organisers organizers
    aide aides diplomat diplomats analyst analysts observer observers resident residents witness
    witnesses report reports club team party department office board committee commission
    executive council court campaign campaigners protesters
    """
)
"""Nouns after "the"/"a" that name an unnamed source ("the official said")."""
