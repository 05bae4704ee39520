"""Language-neutral world of the synthetic shop: touchpoints, issues, products, people, teams.

The simulated company is *NordMarkt*, a fictional German omnichannel retailer
(web shop, app, stores, hotline) with English-speaking customers as well. All
names, products, addresses and numbers here are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BRAND = "NordMarkt"

TOUCHPOINTS: tuple[str, ...] = (
    "webshop", "checkout", "delivery", "hotline", "chat", "email", "store", "app", "billing",
    "returns",
)
CHANNELS: tuple[str, ...] = (
    "email", "phone", "chat", "web", "app", "store", "social", "survey", "review",
)
#: Share of conversations started in each channel (make_feedback's default).
DEFAULT_CHANNEL_SHARES: dict[str, float] = {
    "email": 0.20, "phone": 0.12, "chat": 0.16, "web": 0.10, "app": 0.07, "store": 0.05,
    "social": 0.10, "survey": 0.14, "review": 0.06,
}
#: Channels after whose contacts a post-contact survey may be sent.
SURVEYED_CHANNELS: tuple[str, ...] = ("email", "phone", "chat", "web", "app", "store")

INTENTS: tuple[str, ...] = ("complaint", "mixed", "praise", "question", "suggestion")
#: P(intent | channel); rows follow CHANNELS, columns follow INTENTS.
INTENT_BY_CHANNEL = np.array(
    [
        [0.50, 0.05, 0.08, 0.32, 0.05],  # email
        [0.50, 0.03, 0.05, 0.40, 0.02],  # phone
        [0.35, 0.03, 0.07, 0.52, 0.03],  # chat
        [0.50, 0.04, 0.06, 0.35, 0.05],  # web
        [0.40, 0.05, 0.15, 0.30, 0.10],  # app
        [0.35, 0.10, 0.35, 0.12, 0.08],  # store
        [0.55, 0.05, 0.18, 0.18, 0.04],  # social
        [0.30, 0.22, 0.35, 0.02, 0.11],  # survey
        [0.30, 0.20, 0.45, 0.00, 0.05],  # review
    ]
)
#: Affinity of channels (rows) to touchpoints (columns, TOUCHPOINTS order).
TOUCHPOINT_BY_CHANNEL = np.array(
    [
        # web  chk  del  hot  chat mail store app  bill ret
        [1.0, 1.0, 3.0, 0.5, 0.2, 1.0, 0.3, 0.5, 2.0, 2.5],  # email
        [0.5, 1.0, 3.0, 2.5, 0.2, 0.5, 0.3, 0.5, 2.0, 2.0],  # phone
        [1.5, 1.5, 3.0, 0.3, 1.5, 0.2, 0.3, 0.5, 1.0, 2.0],  # chat
        [1.5, 1.0, 2.0, 0.5, 0.3, 0.5, 0.3, 0.5, 1.5, 2.0],  # web
        [1.0, 1.5, 1.5, 0.2, 0.2, 0.2, 0.2, 4.0, 0.5, 1.0],  # app
        [0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 5.0, 0.1, 0.3, 1.5],  # store
        [1.0, 1.0, 3.0, 2.0, 1.0, 0.7, 0.7, 1.5, 0.7, 1.0],  # social
        [2.0, 1.0, 2.0, 1.0, 0.7, 0.5, 1.0, 1.0, 0.7, 1.0],  # survey
        [3.0, 1.0, 2.5, 1.0, 0.3, 0.3, 0.5, 0.5, 0.3, 1.5],  # review
    ]
)


@dataclass(frozen=True)
class Issue:
    """One thing a customer can write about.

    ``polarity`` is ``neg``, ``pos``, ``question`` or ``suggestion``;
    ``severity`` (0-3) and ``effort`` (0-3) are the issue's base values;
    ``order`` says whether messages about it refer to an order.
    """

    key: str
    polarity: str
    severity: int = 0
    effort: int = 0
    order: bool = True

    @property
    def touchpoint(self) -> str:
        return self.key.split(".")[0]


ISSUES: tuple[Issue, ...] = (
    Issue("delivery.late", "neg", 1, 1),
    Issue("delivery.lost", "neg", 3, 2),
    Issue("delivery.damaged", "neg", 2, 1),
    Issue("delivery.neighbour", "neg", 1, 1),
    Issue("delivery.tracking", "neg", 1, 1),
    Issue("delivery.fast", "pos"),
    Issue("delivery.driver", "pos"),
    Issue("delivery.where", "question", 0, 1),
    Issue("delivery.suggest", "suggestion"),
    Issue("checkout.payment_failed", "neg", 2, 1),
    Issue("checkout.voucher", "neg", 1, 1),
    Issue("checkout.error", "neg", 1, 1),
    Issue("checkout.easy", "pos"),
    Issue("checkout.methods", "question", order=False),
    Issue("checkout.suggest", "suggestion", order=False),
    Issue("webshop.out_of_stock", "neg", 1, 0, order=False),
    Issue("webshop.description", "neg", 1, 0),
    Issue("webshop.search", "neg", 1, 1, order=False),
    Issue("webshop.price", "neg", 1, 0),
    Issue("webshop.selection", "pos", order=False),
    Issue("webshop.quality", "pos"),
    Issue("webshop.availability", "question", order=False),
    Issue("webshop.suggest", "suggestion", order=False),
    Issue("hotline.waiting", "neg", 1, 3, order=False),
    Issue("hotline.transferred", "neg", 2, 3, order=False),
    Issue("hotline.unfriendly", "neg", 2, 1, order=False),
    Issue("hotline.callback", "neg", 1, 2, order=False),
    Issue("hotline.helpful", "pos", order=False),
    Issue("hotline.hours", "question", order=False),
    Issue("hotline.suggest", "suggestion", order=False),
    Issue("chat.bot_loop", "neg", 1, 2, order=False),
    Issue("chat.disconnected", "neg", 1, 2, order=False),
    Issue("chat.quick", "pos", order=False),
    Issue("chat.hours", "question", order=False),
    Issue("chat.suggest", "suggestion", order=False),
    Issue("email.no_reply", "neg", 2, 2, order=False),
    Issue("email.template", "neg", 1, 1, order=False),
    Issue("email.fast", "pos", order=False),
    Issue("email.address", "question", order=False),
    Issue("email.suggest", "suggestion", order=False),
    Issue("store.staff", "pos", order=False),
    Issue("store.queue", "neg", 1, 1, order=False),
    Issue("store.pickup", "neg", 1, 2),
    Issue("store.unfriendly", "neg", 1, 0, order=False),
    Issue("store.hours", "question", order=False),
    Issue("store.suggest", "suggestion", order=False),
    Issue("app.crash", "neg", 1, 1, order=False),
    Issue("app.login", "neg", 1, 2, order=False),
    Issue("app.notifications", "neg", 1, 0, order=False),
    Issue("app.update_good", "pos", order=False),
    Issue("app.feature", "question", order=False),
    Issue("app.suggest", "suggestion", order=False),
    Issue("billing.double_charge", "neg", 2, 1),
    Issue("billing.wrong_invoice", "neg", 1, 1),
    Issue("billing.dunning", "neg", 2, 1),
    Issue("billing.invoice_clear", "pos"),
    Issue("billing.invoice_copy", "question"),
    Issue("billing.suggest", "suggestion", order=False),
    Issue("returns.refund_slow", "neg", 2, 1),
    Issue("returns.label", "neg", 1, 1),
    Issue("returns.rejected", "neg", 2, 1),
    Issue("returns.defect", "neg", 2, 1),
    Issue("returns.easy", "pos"),
    Issue("returns.how", "question"),
    Issue("returns.suggest", "suggestion", order=False),
)
ISSUE_INDEX: dict[str, int] = {issue.key: i for i, issue in enumerate(ISSUES)}
#: Issues that make customers worried rather than angry.
WORRY_ISSUES: frozenset[str] = frozenset(
    {"delivery.lost", "billing.double_charge", "billing.dunning", "returns.refund_slow"}
)


@dataclass(frozen=True)
class Product:
    """A product: German name and grammatical gender, English name, typical price (EUR)."""

    de: str
    gender: str  # "m", "f", "n"
    en: str
    price: float


PRODUCTS: tuple[Product, ...] = (
    Product("Wasserkocher Aqua 1.7", "m", "Aqua 1.7 kettle", 39.90),
    Product("Kaffeemaschine Barista Pro", "f", "Barista Pro coffee machine", 349.00),
    Product("Winterjacke Nordkap", "f", "Nordkap winter jacket", 149.95),
    Product("Sneaker Velo Run", "m", "Velo Run sneaker", 89.99),
    Product("Staubsauger Turbo X2", "m", "Turbo X2 vacuum cleaner", 229.00),
    Product("Headset SoundBuds Pro", "n", "SoundBuds Pro headset", 79.00),
    Product("Smartwatch Pulse 3", "f", "Pulse 3 smartwatch", 199.00),
    Product("Rucksack Urban 25", "m", "Urban 25 backpack", 59.95),
    Product("Bettwäsche-Set Linnea", "n", "Linnea bedding set", 49.90),
    Product("Stehlampe Lumo", "f", "Lumo floor lamp", 119.00),
    Product("Bürostuhl ErgoFlex", "m", "ErgoFlex office chair", 279.00),
    Product("Kinderwagen Comfy", "m", "Comfy pram", 499.00),
    Product("Mixer PowerBlend 900", "m", "PowerBlend 900 blender", 89.00),
    Product("Pfannenset Ceramica", "n", "Ceramica pan set", 69.99),
    Product("Tablet Tab 10 Lite", "n", "Tab 10 Lite tablet", 249.00),
    Product("Spielküche Mini-Chef", "f", "Mini-Chef play kitchen", 129.00),
    Product("Gartenschlauch FlexiGreen", "m", "FlexiGreen garden hose", 34.95),
    Product("Koffer Voyager 70", "m", "Voyager 70 suitcase", 159.00),
    Product("Akkuschrauber ProDrill", "m", "ProDrill cordless drill", 99.00),
    Product("Regal Oslo", "n", "Oslo shelf", 89.00),
    Product("Matratze DreamFoam", "f", "DreamFoam mattress", 399.00),
    Product("Handyhülle Clear", "f", "Clear phone case", 14.99),
    Product("Hemd Oxford", "n", "Oxford shirt", 39.95),
    Product("Sommerkleid Aurora", "n", "Aurora summer dress", 59.99),
    Product("Fahrradhelm Aero", "m", "Aero bike helmet", 79.95),
    Product("Gasgrill Sizzle 3", "m", "Sizzle 3 gas grill", 449.00),
    Product("Luftreiniger PureAir", "m", "PureAir air purifier", 189.00),
    Product("Zahnbürste SonicClean", "f", "SonicClean toothbrush", 49.99),
    Product("Babyphone Hush", "n", "Hush baby monitor", 109.00),
    Product("Toaster Crispy", "m", "Crispy toaster", 44.90),
    Product("Thermoskanne Trail", "f", "Trail vacuum flask", 24.95),
    Product("Yogamatte Balance", "f", "Balance yoga mat", 29.99),
)

#: German article / possessive forms by gender: (nom, acc, dat).
DE_ARTICLES: dict[str, dict[str, tuple[str, str, str]]] = {
    "der": {"m": ("der", "den", "dem"), "f": ("die", "die", "der"), "n": ("das", "das", "dem")},
    "mein": {
        "m": ("mein", "meinen", "meinem"), "f": ("meine", "meine", "meiner"),
        "n": ("mein", "mein", "meinem"),
    },
    "Ihr": {
        "m": ("Ihr", "Ihren", "Ihrem"), "f": ("Ihre", "Ihre", "Ihrer"),
        "n": ("Ihr", "Ihr", "Ihrem"),
    },
}

DE_FIRST_F: tuple[str, ...] = (
    "Anna", "Julia", "Laura", "Sarah", "Lena", "Katharina", "Sabine", "Petra", "Monika",
    "Claudia", "Nicole", "Stefanie", "Melanie", "Jana", "Lisa", "Marie", "Sophie", "Hannah",
    "Emma", "Ursula", "Birgit", "Andrea", "Christina", "Nina", "Ayşe", "Elif", "Jasmin",
    "Franziska", "Kerstin", "Heike", "Jessica", "Miriam",
)
DE_FIRST_M: tuple[str, ...] = (
    "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Daniel", "Jan", "Tobias",
    "Sebastian", "Florian", "Alexander", "Martin", "Peter", "Klaus", "Jürgen", "Uwe", "Frank",
    "Lukas", "Felix", "Jonas", "Maximilian", "Paul", "Niklas", "Mehmet", "Murat", "Dennis",
    "Sven", "Matthias", "Holger", "Björn", "Kai",
)
DE_LAST: tuple[str, ...] = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
    "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier",
    "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters",
    "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Yılmaz", "Kaya", "Nowak",
    "Kowalski", "Öztürk", "Friedrich", "Günther", "Keller", "Berger", "Winkler",
)
EN_FIRST_F: tuple[str, ...] = (
    "Emily", "Olivia", "Sophie", "Charlotte", "Grace", "Chloe", "Jessica", "Hannah", "Emma",
    "Lucy", "Amelia", "Ella", "Megan", "Rachel", "Laura", "Kate", "Priya", "Aisha", "Mia",
    "Zoe", "Holly", "Natalie", "Rebecca", "Claire", "Fiona", "Siobhan",
)
EN_FIRST_M: tuple[str, ...] = (
    "James", "Oliver", "Jack", "Harry", "George", "Thomas", "William", "Daniel", "Samuel",
    "Joseph", "Matthew", "Ryan", "Liam", "Connor", "Adam", "Luke", "Ben", "Tom", "Chris",
    "David", "Raj", "Omar", "Ethan", "Noah", "Sean", "Patrick",
)
EN_LAST: tuple[str, ...] = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "Patel", "Khan", "Murphy", "O'Brien", "Kelly", "Walsh", "Hughes",
    "Edwards", "Turner", "Harris", "Martin", "Cooper", "Ward", "Morris", "Baker", "Carter",
    "Singh", "Ahmed", "Lewis", "Young",
)
DE_CITIES: tuple[str, ...] = (
    "Hamburg", "Berlin", "München", "Köln", "Frankfurt", "Leipzig", "Stuttgart", "Düsseldorf",
    "Dresden", "Hannover", "Bremen", "Nürnberg", "Dortmund", "Essen", "Münster", "Kiel",
)
EN_CITIES: tuple[str, ...] = (
    "Hamburg", "Berlin", "Munich", "Cologne", "Frankfurt", "Leipzig", "Stuttgart",
    "Düsseldorf", "Dresden", "Hanover", "Bremen", "Nuremberg", "Dortmund", "Essen", "Münster",
    "Kiel",
)
DE_STREETS: tuple[str, ...] = (
    "Lindenstraße", "Hauptstraße", "Bahnhofstraße", "Gartenweg", "Am Markt", "Schillerstraße",
    "Goethestraße", "Birkenallee", "Mühlenweg", "Kirchplatz",
)
#: Post codes matching DE_CITIES (first plausible code of each city).
DE_POSTCODES: tuple[str, ...] = (
    "20095", "10115", "80331", "50667", "60311", "04109", "70173", "40213", "01067", "30159",
    "28195", "90402", "44135", "45127", "48143", "24103",
)
#: Reserved example domains (RFC 2606), so no real mailbox is ever named.
MAIL_DOMAINS: tuple[str, ...] = ("example.com", "example.org", "example.net", "mail.example.com")
#: Publicly documented payment-card test numbers (card networks' sandbox numbers).
TEST_CARDS: tuple[str, ...] = (
    "4111 1111 1111 1111", "5555 5555 5555 4444", "4012 8888 8888 1881", "3782 822463 10005",
    "5105 1051 0510 5100",
)
#: The public example IBAN used in German banking documentation.
PUBLIC_TEST_IBAN = "DE89 3704 0044 0532 0130 00"

#: Teams: name -> (share of human agents, archetype weights empathic/mixed/cold).
TEAMS: dict[str, tuple[float, tuple[float, float, float]]] = {
    "service-de": (0.35, (0.25, 0.45, 0.30)),
    "service-en": (0.25, (0.30, 0.45, 0.25)),
    "premium": (0.15, (0.65, 0.30, 0.05)),
    "social": (0.12, (0.40, 0.50, 0.10)),
    "stores": (0.13, (0.30, 0.40, 0.30)),
}
#: Style probabilities (cold, sympathetic, empathic) of each agent archetype.
ARCHETYPES: dict[str, tuple[float, float, float]] = {
    "empathic": (0.08, 0.27, 0.65),
    "mixed": (0.25, 0.45, 0.30),
    "cold": (0.60, 0.30, 0.10),
}
BOTS: dict[str, tuple[str, str]] = {"de": ("bot-kira", "Kira"), "en": ("bot-ava", "Ava")}
