"""English customer-side vocabulary for the synthetic feedback generator.

All sentences were written for empathylab. Slots in braces are filled per message:
``{product}`` (used as "the {product}", "my {product}"), ``{order}``, ``{days}``,
``{date}``, ``{weekday}``, ``{times}``, ``{minutes}``, ``{amount}``, ``{city}``,
``{staff}``, ``{int}`` (an intensifier with trailing space, possibly empty), ``{brand}``.

``say`` entries are main clauses that may be lower-cased after "but"; ``short``
entries are fragments for surveys, tweets and mixed reviews; ``restate`` entries
are second-person clauses that follow "that" in empathic agent replies.
"""

from __future__ import annotations

ISSUES: dict[str, dict[str, tuple[str, ...]]] = {
    "delivery.late": {
        "say": (
            "my order still hasn't arrived after {days} days",
            "the delivery took {int}long, {days} days in total",
            "the parcel was due on {date} and it's still not here",
            "the promised delivery time was exceeded by {days} days",
            "I've been waiting {days} days for my {product}",
            "the delivery wasn't exactly quick, more like snail mail",
            "the delivery date has been pushed back {times} now",
        ),
        "short": (
            "delivery {int}late", "parcel arrived {days} days late", "way too slow delivery",
            "delivery took forever", "shipping times are a joke",
        ),
        "restate": (
            "your parcel still hasn't reached you after {days} days",
            "the delivery has taken much longer than we promised",
            "you have been waiting {days} days for your {product}",
        ),
    },
    "delivery.lost": {
        "say": (
            "the tracking says delivered but nothing ever arrived",
            "my parcel seems to have got lost",
            "the parcel with the {product} has vanished without a trace",
            "the status has said \"delivered\" since {date} but I never got anything",
            "I never received my {product} although I paid {amount}",
        ),
        "short": (
            "parcel never arrived", "item not received", "parcel went missing",
            "marked as delivered, never got it",
        ),
        "restate": (
            "the parcel with your {product} shows as delivered but never reached you",
            "you still haven't received your {product} although you paid {amount}",
        ),
    },
    "delivery.damaged": {
        "say": (
            "the parcel arrived {int}damaged and the {product} has a crack",
            "the box was completely crushed and my {product} is broken",
            "the {product} arrived scratched and dented",
            "the packaging was torn open and parts were missing",
            "when I unpacked it I saw the {product} was smashed",
        ),
        "short": (
            "arrived damaged", "box crushed, contents broken", "damaged delivery",
            "{product} arrived broken",
        ),
        "restate": (
            "your {product} arrived damaged",
            "the box was crushed and your {product} got damaged on the way",
        ),
    },
    "delivery.neighbour": {
        "say": (
            "the driver just left the parcel outside the door in the rain",
            "the parcel was handed to a neighbour I don't even know",
            "I was home all day and still only got a card through the door",
            "the parcel is now at a depot on the other side of town",
        ),
        "short": (
            "parcel left with random neighbour", "parcel dumped outside the door",
            "driver didn't even ring the bell",
        ),
        "restate": (
            "the parcel was left somewhere else instead of being handed to you",
            "the driver didn't ring although you were at home",
        ),
    },
    "delivery.tracking": {
        "say": (
            "the tracking has shown the same status for {days} days",
            "the tracking link doesn't work",
            "the courier says the tracking number doesn't exist",
            "I have no idea where my parcel is because the tracking shows nothing",
        ),
        "short": ("tracking broken", "no tracking updates", "tracking number invalid"),
        "restate": (
            "the tracking hasn't shown any update for {days} days",
            "the tracking link for your parcel doesn't work",
        ),
    },
    "delivery.fast": {
        "say": (
            "the delivery was {int}fast, it came the next day",
            "the parcel arrived a day earlier than announced",
            "delivery was super quick",
            "the delivery went perfectly",
            "the delivery was anything but slow",
        ),
        "short": ("fast delivery", "super quick shipping", "arrived next day", "shipping spot on"),
        "restate": ("the parcel reached you the very next day",),
    },
    "delivery.driver": {
        "say": (
            "the driver was {int}friendly and carried everything up to the third floor",
            "the courier called ahead and was right on time",
            "the driver even waited until I got to the door",
        ),
        "short": ("lovely driver", "friendly courier", "punctual delivery"),
        "restate": ("our driver took such good care of you",),
    },
    "delivery.where": {
        "say": (
            "when will my order arrive?",
            "can you tell me where my parcel is right now?",
            "has the {product} been shipped yet?",
            "when can I expect the delivery?",
            "can I still redirect the parcel to a parcel locker?",
        ),
        "short": ("Where is my parcel?", "When will it arrive?"),
        "restate": ("you'd like to know when your {product} will arrive",),
    },
    "delivery.suggest": {
        "say": (
            "it would be great to choose a delivery time slot",
            "please offer delivery to parcel lockers",
            "a notification on the day of delivery would really help",
            "I'd love to see less packaging waste",
        ),
        "short": ("delivery slots would be nice", "less plastic in the packaging please"),
        "restate": ("you'd like more flexible delivery options",),
    },
    "checkout.payment_failed": {
        "say": (
            "the PayPal payment failed {times}",
            "I got an error at checkout but the money was taken anyway",
            "my credit card keeps getting declined at checkout",
            "I couldn't finish the order because the payment got stuck",
        ),
        "short": ("payment failed", "can't pay", "error at payment"),
        "restate": (
            "the payment failed at checkout but {amount} was still taken from your account",
            "your payment failed at our checkout {times}",
        ),
    },
    "checkout.voucher": {
        "say": (
            "my voucher code isn't accepted at checkout",
            "the newsletter discount wasn't applied",
            "the €20 voucher is supposedly invalid although it's valid until the end of the month",
        ),
        "short": ("voucher doesn't work", "discount code invalid"),
        "restate": ("your voucher code wasn't accepted at checkout",),
    },
    "checkout.error": {
        "say": (
            "the checkout always fails at the last step",
            "the checkout page loads forever and then shows an error",
            "my basket was suddenly empty after logging in",
        ),
        "short": ("checkout broken", "checkout keeps crashing", "basket emptied after login"),
        "restate": ("the checkout broke off just before your order went through",),
    },
    "checkout.easy": {
        "say": (
            "ordering was {int}quick and easy",
            "checkout was straightforward",
            "the whole order took two minutes",
        ),
        "short": ("easy ordering", "smooth checkout", "ordering was a breeze"),
        "restate": ("ordering went so smoothly for you",),
    },
    "checkout.methods": {
        "say": (
            "can I pay by invoice?",
            "do you offer instalments?",
            "why is there no Apple Pay?",
        ),
        "short": ("Pay by invoice possible?",),
        "restate": ("you'd like to know which payment methods we offer",),
    },
    "checkout.suggest": {
        "say": (
            "it would be great to pay by direct debit",
            "guest checkout without an account would be handy",
        ),
        "short": ("offer guest checkout",),
        "restate": ("you'd like more payment options",),
    },
    "webshop.out_of_stock": {
        "say": (
            "the item has been sold out for weeks",
            "the website says \"in stock\" but you can't order it",
            "the {product} is always out of stock",
        ),
        "short": ("always sold out", "nothing in stock"),
        "restate": ("the {product} hasn't been available for weeks",),
    },
    "webshop.description": {
        "say": (
            "the {product} looks nothing like the photos",
            "the size guide is completely off",
            "the description is wrong, the {product} doesn't even have a battery",
            "the colour is {int}different from the website",
        ),
        "short": ("not as described", "looks different from the photos", "sizes run small"),
        "restate": ("your {product} doesn't match the description in our shop",),
    },
    "webshop.search": {
        "say": (
            "the search on the website never finds what I'm looking for",
            "the shop filters don't work properly",
            "the website is {int}confusing to navigate",
        ),
        "short": ("search is useless", "website confusing"),
        "restate": ("our shop search didn't help you find what you needed",),
    },
    "webshop.price": {
        "say": (
            "the price dropped by €30 two days after my order",
            "prices have become {int}high",
            "for that price I expected better quality",
        ),
        "short": ("too expensive", "poor value for money"),
        "restate": ("the price dropped shortly after you ordered",),
    },
    "webshop.selection": {
        "say": (
            "the range in the shop is {int}great",
            "you really find everything here",
            "the selection is superb",
        ),
        "short": ("great selection", "huge range"),
        "restate": ("you like our range",),
    },
    "webshop.quality": {
        "say": (
            "the {product} is {int}well made",
            "the quality of the {product} is top notch",
            "the {product} is exactly as described and works perfectly",
            "I'm more than happy with the {product}",
            "the {product} isn't bad at all, actually really good",
        ),
        "short": ("great quality", "product is top", "love the {product}", "as described"),
        "restate": ("you're so happy with your {product}",),
    },
    "webshop.availability": {
        "say": (
            "when will the {product} be back in stock?",
            "does the {product} come in black too?",
            "will you restock the {product}?",
        ),
        "short": ("When back in stock?",),
        "restate": ("you'd like to know when the {product} will be available again",),
    },
    "webshop.suggest": {
        "say": (
            "a wish list you can share would be nice",
            "please show delivery times in the product list",
            "more product photos would help",
        ),
        "short": ("more product photos", "shareable wish list"),
        "restate": ("you'd like more information in our shop",),
    },
    "hotline.waiting": {
        "say": (
            "I was on hold for {minutes} minutes",
            "you {int}never get through to the hotline",
            "after {minutes} minutes on hold they just hung up",
            "the hotline is constantly engaged",
        ),
        "short": ("endless hold music", "can't reach the hotline", "{minutes} min on hold"),
        "restate": (
            "you spent {minutes} minutes on hold with us",
            "you couldn't get through to our hotline",
        ),
    },
    "hotline.transferred": {
        "say": (
            "I was transferred {times} and in the end nobody knew anything",
            "every person on the hotline tells me something different",
            "I had to explain my problem from scratch {times}",
        ),
        "short": ("transferred again and again", "nobody feels responsible"),
        "restate": ("you were transferred {times} and had to explain everything again",),
    },
    "hotline.unfriendly": {
        "say": (
            "the lady on the hotline was {int}rude",
            "the agent on the phone kept interrupting me",
            "on the phone I was treated like an idiot",
        ),
        "short": ("rude hotline", "unfriendly phone agent"),
        "restate": ("you didn't feel respected on our hotline",),
    },
    "hotline.callback": {
        "say": (
            "I was promised a call back but nobody called",
            "the promised callback never came",
            "I've been waiting {days} days for the callback you promised",
        ),
        "short": ("no callback", "callback never happened"),
        "restate": ("the callback we promised you never happened",),
    },
    "hotline.helpful": {
        "say": (
            "{staff} on the hotline was {int}helpful",
            "I got help straight away on the phone",
            "the advice on the phone was competent and friendly",
        ),
        "short": ("helpful hotline", "really nice phone support"),
        "restate": ("our team could help you on the phone",),
    },
    "hotline.hours": {
        "say": ("when is your hotline actually open?", "is the hotline open on Saturdays?"),
        "short": ("Hotline opening hours?",),
        "restate": ("you'd like to know when our hotline is open",),
    },
    "hotline.suggest": {
        "say": (
            "a call-back option instead of hold music would be great",
            "please tell people on hold how long the wait is",
        ),
        "short": ("offer a callback service",),
        "restate": ("you'd like a callback service",),
    },
    "chat.bot_loop": {
        "say": (
            "the chatbot doesn't understand my question and sends me round in circles",
            "the chatbot only ever offers the same three answers",
            "in the chat you never get through to a real person",
        ),
        "short": ("chatbot useless", "chatbot goes in circles"),
        "restate": ("our chatbot sent you round in circles instead of helping",),
    },
    "chat.disconnected": {
        "say": (
            "the chat cut off in the middle of the conversation",
            "after {minutes} minutes in the chat the connection suddenly dropped",
        ),
        "short": ("chat dropped", "chat keeps disconnecting"),
        "restate": ("the chat dropped in the middle of your request",),
    },
    "chat.quick": {
        "say": (
            "I got help {int}quickly in the chat",
            "the live chat was great, everything sorted in five minutes",
        ),
        "short": ("fast chat", "chat very helpful"),
        "restate": ("we could help you quickly in the chat",),
    },
    "chat.hours": {
        "say": ("is the chat staffed at weekends?", "until when is the live chat online?"),
        "short": ("Chat hours?",),
        "restate": ("you'd like to know when our chat is staffed",),
    },
    "chat.suggest": {
        "say": ("it would be good to get the chat transcript by email",),
        "short": ("chat transcript by email",),
        "restate": ("you'd like the chat transcript by email",),
    },
    "email.no_reply": {
        "say": (
            "I've written {times} and never got an answer",
            "nobody has replied to my email from {date}",
            "no answer to my emails for {days} days",
        ),
        "short": ("no reply to emails", "emails ignored"),
        "restate": ("your email from {date} is still unanswered",),
    },
    "email.template": {
        "say": (
            "I only got a standard reply that has nothing to do with my problem",
            "the email reply was pure copy and paste",
        ),
        "short": ("copy-paste answers", "generic reply"),
        "restate": ("you only got a generic reply to your message",),
    },
    "email.fast": {
        "say": (
            "I got an answer to my email within an hour",
            "the email reply was quick and {int}helpful",
        ),
        "short": ("fast email reply", "great email support"),
        "restate": ("you got an answer so quickly",),
    },
    "email.address": {
        "say": ("which address can I send documents to?",),
        "short": ("Which email address?",),
        "restate": ("you'd like to know where to send your documents",),
    },
    "email.suggest": {
        "say": ("a confirmation that my email was received would help",),
        "short": ("send a receipt confirmation",),
        "restate": ("you'd like a confirmation when we receive an email",),
    },
    "store.staff": {
        "say": (
            "the advice in the {city} store was {int}good",
            "the sales assistant in {city} took plenty of time for me",
            "the staff in the store are always friendly",
        ),
        "short": ("great advice in store", "lovely staff in {city}"),
        "restate": ("you were well looked after in our {city} store",),
    },
    "store.queue": {
        "say": (
            "I queued {minutes} minutes at the till in {city}",
            "only one of five tills was open",
        ),
        "short": ("long queue at the till", "only one till open"),
        "restate": ("you had to queue {minutes} minutes at the till in {city}",),
    },
    "store.pickup": {
        "say": (
            "my click and collect order wasn't ready in the store",
            "I went to the {city} store for nothing, the parcel wasn't there yet",
        ),
        "short": ("click and collect failed", "pickup not ready"),
        "restate": ("you went to our {city} store for nothing because your order wasn't ready",),
    },
    "store.unfriendly": {
        "say": ("the sales assistant in {city} was {int}rude",
                "nobody paid any attention to me in the store"),
        "short": ("rude staff", "no help in store"),
        "restate": ("you didn't feel well treated in our {city} store",),
    },
    "store.hours": {
        "say": ("is the {city} store open on Sundays?", "when does the {city} store open?"),
        "short": ("Opening hours {city}?",),
        "restate": ("you'd like to know the opening hours of our {city} store",),
    },
    "store.suggest": {
        "say": ("more seating in the store would be nice", "self-checkouts would be great"),
        "short": ("self-checkouts please",),
        "restate": ("you'd like more comfort in our stores",),
    },
    "app.crash": {
        "say": (
            "the app crashes every time I open it",
            "since the last update the app keeps crashing",
            "the app freezes at payment",
        ),
        "short": ("app crashes", "app keeps freezing"),
        "restate": ("the app keeps crashing for you since the update",),
    },
    "app.login": {
        "say": ("I can't log in to the app any more", "the password reset in the app doesn't work"),
        "short": ("can't log in", "login broken"),
        "restate": ("you can no longer log in to the app",),
    },
    "app.notifications": {
        "say": (
            "the app sends me {int}many promotional notifications",
            "I get push messages every day although I turned them off",
        ),
        "short": ("too many push notifications", "spammy app"),
        "restate": ("the app keeps sending you notifications although you opted out",),
    },
    "app.update_good": {
        "say": (
            "the new app version is {int}good",
            "the app now runs smoothly and is easy to use",
            "ordering in the app is actually fun",
        ),
        "short": ("great app", "new app is brilliant", "app finally fast"),
        "restate": ("you like the new version of our app",),
    },
    "app.feature": {
        "say": ("can I register a return in the app?", "is there a tablet version of the app?"),
        "short": ("Returns via app?",),
        "restate": ("you'd like to know what our app can do",),
    },
    "app.suggest": {
        "say": ("a dark mode in the app would be nice", "please add a barcode scanner"),
        "short": ("dark mode please",),
        "restate": ("you'd like new features in the app",),
    },
    "billing.double_charge": {
        "say": (
            "I was charged {amount} twice",
            "I can see two payments for the same order on my account",
            "you took {amount} twice from my credit card",
        ),
        "short": ("charged twice", "double payment taken"),
        "restate": ("you were charged {amount} twice",),
    },
    "billing.wrong_invoice": {
        "say": (
            "the invoice shows the wrong amount",
            "the invoice is made out to the wrong address",
            "I was charged for shipping although shipping was supposed to be free",
        ),
        "short": ("wrong invoice", "invoice amount incorrect"),
        "restate": ("the invoice for your order is wrong",),
    },
    "billing.dunning": {
        "say": (
            "I got a payment reminder although I paid ages ago",
            "despite paying on {date} I now got a reminder with fees",
        ),
        "short": ("reminder despite payment", "unfair late fee"),
        "restate": ("you received a payment reminder although you paid on time",),
    },
    "billing.invoice_clear": {
        "say": (
            "the invoice is {int}clear",
            "paying by invoice worked without a problem",
            "the credit note was in my account straight away",
        ),
        "short": ("clear invoice", "pay by invoice works well"),
        "restate": ("the billing went so smoothly for you",),
    },
    "billing.invoice_copy": {
        "say": (
            "could you send me the invoice again as a PDF?",
            "where can I find the invoice for my order?",
        ),
        "short": ("Invoice as PDF?",),
        "restate": ("you need a copy of your invoice",),
    },
    "billing.suggest": {
        "say": ("invoices should come by email automatically",),
        "short": ("invoice by email please",),
        "restate": ("you'd prefer to get invoices straight by email",),
    },
    "returns.refund_slow": {
        "say": (
            "I've been waiting {days} days for my refund of {amount}",
            "you've had my return since {date} but the money isn't back",
            "the refund for my return is taking {int}long",
        ),
        "short": ("refund takes forever", "no refund after return"),
        "restate": ("you've been waiting {days} days for your refund of {amount}",),
    },
    "returns.label": {
        "say": (
            "I can't print the return label",
            "there was no returns slip in the parcel",
            "the link to the return label has expired",
        ),
        "short": ("no return label", "returns slip missing"),
        "restate": ("you didn't get a valid return label",),
    },
    "returns.rejected": {
        "say": (
            "my return was rejected, supposedly because of signs of use",
            "the return wasn't accepted although the {product} was still in its original packaging",
        ),
        "short": ("return rejected", "refund refused"),
        "restate": ("your return was rejected although the {product} was unused",),
    },
    "returns.defect": {
        "say": (
            "the {product} broke after {days} days",
            "the {product} doesn't work any more and I want to return it",
            "my {product} gave up after just a week",
        ),
        "short": ("{product} faulty", "broke after a few days"),
        "restate": ("your {product} stopped working after only {days} days",),
    },
    "returns.easy": {
        "say": (
            "the return was {int}easy",
            "the refund for my return came within three days",
            "the exchange went without a hitch",
        ),
        "short": ("easy returns", "hassle-free exchange"),
        "restate": ("your return went so smoothly",),
    },
    "returns.how": {
        "say": (
            "how do I send the {product} back?",
            "can I return the {product} in a store?",
            "until when can I still exchange the {product}?",
        ),
        "short": ("How do returns work?",),
        "restate": ("you'd like to return the {product}",),
    },
    "returns.suggest": {
        "say": ("returns without a printer via QR code would be handy",),
        "short": ("returns via QR code",),
        "restate": ("you'd like an easier returns process",),
    },
}

INT_STRONG: tuple[str, ...] = (
    "extremely ", "totally ", "absolutely ", "really ", "seriously ", "incredibly ", "so ",
    "ridiculously ",
)
INT_MILD: tuple[str, ...] = ("", "", "", "quite ", "a bit ", "fairly ", "very ", "rather ")
TIMES: tuple[str, ...] = ("twice", "three times", "four times", "five times", "several times",
                          "countless times")
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

GREETINGS: tuple[str, ...] = (
    "Hello,", "Hi,", "Dear Sir or Madam,", "Hi there,", "To whom it may concern,", "Hey,",
    "Dear {brand} team,", "Good morning,", "Hello {brand},", "Hiya,",
)
CONTEXT: tuple[str, ...] = (
    "I ordered the {product} on {date} (order number {order})",
    "this is about my order {order} from {date}",
    "Order {order}: {product}",
    "I bought the {product} from you for {amount}",
    "Re: order no. {order}",
    "on {date} I ordered the {product}, order #{order}",
    "Order nr {order}",
    "about my order {order} ({product}, {amount})",
)
CONTEXT_NEG: tuple[str, ...] = (
    "my order ({order}, {product}) is causing problems",
    "unfortunately there's a problem with my order {order}",
    "I have a problem with order {order} from {date}",
)
SECOND_ISSUE: tuple[str, ...] = ("Also, ", "On top of that, ", "And ", "Plus ", "What's more, ")
EFFORT_HIGH: tuple[str, ...] = (
    "I had to call {times}.",
    "I've already called {times} and written {times}.",
    "I've been on hold for {minutes} minutes.",
    "Every time I have to explain everything from the start.",
    "I've now spent {days} days trying to sort this out.",
    "This is my {nth} attempt to get this sorted.",
    "I was transferred {times} and nobody could help.",
    "I've already filled in all the forms, twice.",
)
EFFORT_LOW: tuple[str, ...] = (
    "It was all really easy.", "Everything was sorted in two minutes.", "No hassle at all.",
    "Worked first time.",
)
NTH: tuple[str, ...] = ("third", "fourth", "fifth", "hundredth")
EMOTION: dict[str, tuple[str, ...]] = {
    "anger": (
        "This is absolutely outrageous!", "I'm furious.", "Unacceptable!",
        "I've never experienced anything like it!", "I'm really angry.",
        "What a shambles!", "You must be joking!",
    ),
    "frustration": (
        "I'm running out of patience.", "I'm really fed up.", "This is so annoying.",
        "I'm at my wits' end.", "I've had enough.",
    ),
    "disappointment": (
        "Honestly, I'm disappointed.", "I expected better from you.", "Very disappointing.",
        "That was a let-down.", "Usually I'm happy with you, but this was disappointing.",
    ),
    "worry": (
        "I'm starting to worry my money is gone.", "I'm quite worried about this.",
        "I hope the money isn't lost.", "To be honest this worries me.",
    ),
    "confusion": (
        "I don't understand what I'm supposed to do now.", "I'm completely lost.",
        "Is this normal?",
    ),
    "neutral": ("", "", "Thanks in advance.", "Many thanks."),
    "joy": ("I'm thrilled!", "Absolutely delighted.", "Just brilliant!", "Amazing!"),
    "gratitude": (
        "Thank you so much!", "Many thanks!", "Thanks for taking such good care of it.",
        "A big thank you for that.",
    ),
}
REQUESTS: dict[str, tuple[str, ...]] = {
    "delivery": ("Where is my parcel?", "When will it finally arrive?",
                 "Please send me a replacement."),
    "checkout": ("Has the order gone through or not?", "Please refund the money."),
    "webshop": ("Can you refund the price difference?", "What can I do?"),
    "hotline": ("Can someone please call me back?", "I expect a call back."),
    "chat": ("Can a human please help me?",),
    "email": ("Will I finally get an answer?",),
    "store": ("What happens now?",),
    "app": ("When will this be fixed?", "What should I do?"),
    "billing": ("When do I get my money back?", "Please correct the invoice.",
                "Please cancel the late fee."),
    "returns": ("When will I get my money?", "Please send me a new label.",
                "I want my money back."),
    "_": ("Can you please help?", "Please get back to me.", "I'd like a quick solution.",
          "Please sort this out.", "I expect an answer by {weekday}."),
}
THREATS: tuple[str, ...] = (
    "If this isn't sorted by {weekday}, I'll cancel everything.",
    "That was definitely my last order with you.",
    "I'm seriously thinking about closing my account.",
    "I'll be reporting this to consumer protection.",
    "From now on I'll shop with your competitors.",
    "Otherwise you'll get a bad review.",
    "Never again {brand}!",
    "I'm cancelling my membership.",
)
PRAISE: tuple[str, ...] = (
    "Big thanks to your team!", "Keep it up!", "Will definitely order again!",
    "I can only recommend you.", "Thanks to {staff_acc} for the help!",
    "Happy to shop here again.", "Top service!", "Five stars.",
    "Already recommended you to my sister.",
)
SUGGEST_FRAMES: tuple[str, ...] = ("A small suggestion: ", "An idea: ", "Tip: ", "")
SIGNOFFS: tuple[str, ...] = (
    "Kind regards\n{first} {last}", "Best wishes\n{first} {last}", "Regards, {last}",
    "Cheers, {first}", "Thanks, {first}", "Many thanks\n{first} {last}", "Thx", "Best",
    "All the best, {first}",
)
PII: dict[str, tuple[str, ...]] = {
    "email": (
        "You can reach me at {email}.", "My email: {email}",
        "Please reply to {email}, not the old address.",
    ),
    "phone": ("Feel free to call me: {phone}.", "My number: {phone}", "Tel. {phone} (after 5pm)"),
    "iban": (
        "Please transfer the money to my account, IBAN {iban}.", "My bank details: {iban}",
    ),
    "card": ("It was charged to my card {card}.", "My credit card number is {card}."),
    "address": (
        "My address: {street}, {postcode} {city}.",
        "Delivery address is {street}, {postcode} {city}.",
    ),
}
PHONE_OPENERS: tuple[str, ...] = (
    "Yes, hello, I'm calling about ", "Hi, it's about ", "Hello, I've got a problem with ",
    "Right, so, it's about ", "Erm, hello, it's regarding ",
)
PHONE_TOPIC: dict[str, str] = {
    "webshop": "an item from the online shop.", "checkout": "my order.",
    "delivery": "my delivery.", "hotline": "the hotline.", "chat": "the chat.",
    "email": "my email.", "store": "the store.", "app": "your app.",
    "billing": "my invoice.", "returns": "a return.",
}
SURVEY_OPENERS: dict[str, tuple[str, ...]] = {
    "pos": ("All great.", "Very happy.", "Top!", "Will come back.", "All good.", ""),
    "neg": ("Not happy, sorry.", "Not good.", "Disappointing.", "Poor.", ""),
    "neu": ("OK.", "So-so.", "Fine overall.", ""),
}
SURVEY_REASONS: dict[str, tuple[str, ...]] = {
    "empathic": (
        "{agent} understood my problem straight away.", "They really cared.",
        "Finally someone who listens.", "Very personal reply.", "I felt taken seriously.",
        "The agent thought along with me.",
    ),
    "sympathetic": (
        "Friendly reply, but the problem isn't solved.", "Nice but generic.",
        "The apology doesn't help me much.", "Polite, nothing more.",
    ),
    "cold": (
        "Only got a standard reply.", "I was brushed off.",
        "I was pointed to the FAQ, very helpful...", "Impersonal and curt.",
        "Nobody feels responsible.",
    ),
    "bot": ("The chatbot didn't help.", "The bot was fine for a simple question.",
            "Wanted to talk to a human."),
    "none": ("No reaction to my request.", "Nobody answered."),
}
SURVEY_EFFORT: dict[str, tuple[str, ...]] = {
    "high": ("Far too complicated.", "Took far too long.", "Had to chase several times."),
    "low": ("Quick.", "Uncomplicated.", "Sorted fast."),
}
FOLLOWUPS: dict[str, tuple[str, ...]] = {
    "pos": (
        "Thanks so much for the quick help!", "Thanks, I'll wait until {weekday} then.",
        "Great, that worked. Thank you!", "Thanks for getting back to me, sounds good.",
        "Perfect, many thanks {agent_first}!", "Thanks, I've attached the photos.",
    ),
    "neu": (
        "OK. I've attached the documents.", "And how long will that take?",
        "Fine, I'll wait.", "The order number is in my first email: {order}.",
        "OK, but please keep me posted.",
    ),
    "neg": (
        "That doesn't help me at all.", "I read the FAQ ages ago!",
        "Another standard reply. I want my money back!",
        "Did you even read my message?", "That is not a solution.",
        "Still waiting. I've had enough.",
    ),
}
FOLLOWUP_DETAILS: tuple[str, ...] = (
    "My order number is {order}.", "Customer number {customer_id}.",
    "I've been waiting {days} days now.", "I'm away until {weekday}.",
    "Your message only reached me on {msg_date}.", "It's still about the {product}.",
    "I ordered on {date}.", "The amount was {amount}.",
)
FOLLOWUP_SIGN: tuple[str, ...] = ("Thanks, {first}", "{first} {last}", "Cheers {first}",
                                  "Regards, {last}")
EMOJI: dict[str, tuple[str, ...]] = {
    "neg": ("😡", "😤", "🙄", "👎", "😠", "🤬", "😞"),
    "pos": ("👍", "😊", "🙂", "🎉", "❤️", "👌", "😍"),
    "neu": ("🤔", "🙈", "😅"),
}
SOCIAL_TAGS: tuple[str, ...] = ("#fail", "#customerservice", "#nordmarkt", "#delivery", "#thanks")
REVIEW_TITLES: dict[str, tuple[str, ...]] = {
    "pos": ("Highly recommended", "Great shop", "All perfect", "Will buy again"),
    "neg": ("Never again", "Disappointed", "Avoid", "Terrible service"),
    "neu": ("Mixed feelings", "OK-ish", "Good and bad"),
}
