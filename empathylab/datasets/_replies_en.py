"""English agent and bot reply phrases, written for empathylab.

Same structure and slots as :mod:`._replies_de`; ``{sg}`` is "Dear Ms Becker",
``{title_last}`` "Ms Becker".
"""

from __future__ import annotations

GREET_LETTER: tuple[str, ...] = (
    "{sg},", "Hello {title_last},", "Hi {first},", "Dear customer,", "Dear {first},", "Hello,",
)
GREET_SHORT: tuple[str, ...] = ("Hi {first},", "Hello {title_last},", "Hi,", "")
GREET_PHONE: tuple[str, ...] = (
    "Good afternoon {title_last}, you're speaking to {agent_first} {agent_last}.",
    "{brand} customer service, my name is {agent_first}.",
    "Yes, hello {title_last}.",
)
COLD_OPEN: tuple[str, ...] = (
    "Your request {ticket} has been received.", "Regarding your enquiry of {msg_date}:",
    "Re your message of {msg_date}:", "Ticket {ticket}:", "Case {ticket}.",
    "Subject: your request no. {ticket}", "Customer number {customer_id}:",
)
COLD_FIX: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Delivery takes up to 10 working days as per our terms.",
        "Please check the tracking for the status of your parcel.",
        "Please contact the courier directly.",
        "A parcel trace can only be opened after 10 working days.",
    ),
    "checkout": (
        "Please try a different payment method.",
        "Failed payments are cancelled automatically.",
        "Please clear your browser cache.",
    ),
    "webshop": (
        "Availability is shown on the product page.",
        "Prices are subject to change.",
        "Product details are provided by the manufacturer.",
    ),
    "hotline": (
        "Our hotline is open Mon-Fri 8am to 6pm.",
        "There may be waiting times at peak hours.",
        "Alternatively please use the contact form.",
    ),
    "chat": ("The chat is staffed Mon-Sat 9am to 8pm.", "Please start a new chat."),
    "email": (
        "Emails are answered within 5 working days.",
        "Emails are handled in the order they are received.",
    ),
    "store": (
        "Please contact the store directly.",
        "Opening hours are listed on our website.",
    ),
    "app": (
        "Please reinstall the app.",
        "Please update the app to the latest version.",
        "You can switch off notifications in the settings.",
    ),
    "billing": (
        "Duplicate payments are corrected automatically within 10 working days.",
        "You can find the invoice in your account.",
        "Please send us proof of payment.",
    ),
    "returns": (
        "Refunds are issued within 14 days of receiving the goods.",
        "You can download the return label in your account.",
        "Please use the returns form.",
    ),
}
COLD_BLAME: tuple[str, ...] = (
    "Please read the FAQ.", "This is covered in our terms and conditions.",
    "Please check your details.", "More information can be found in the FAQ.",
    "We are not responsible for delays caused by the courier.",
    "We cannot provide any further information.", "We are unable to make an exception.",
)
COLD_CLOSE: tuple[str, ...] = ("Regards", "Kind regards", "Thanks", "", "Best regards")
SYM_THANKS: tuple[str, ...] = (
    "Thank you for your message.", "Thank you for contacting us.",
    "Many thanks for getting in touch.", "Thank you for reaching out.",
)
SYM_APOLOGY: tuple[str, ...] = (
    "We apologise for any inconvenience caused.",
    "We are sorry to hear you have reason to complain.",
    "Please accept our apologies for the inconvenience.",
    "We apologise for the trouble.",
    "We are sorry that there have been problems.",
)
SYM_FIX: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Please contact our courier partner if the parcel does not arrive in the next few days.",
        "Please bear with us, deliveries may be delayed at the moment.",
        "We have forwarded your complaint to the relevant department.",
    ),
    "checkout": (
        "Please try again later or choose another payment method.",
        "We have passed your report on to our technical team.",
    ),
    "webshop": (
        "We have passed your feedback on to the team responsible.",
        "Please note that prices and availability can change.",
    ),
    "hotline": (
        "We are working on reducing waiting times.",
        "We have passed your feedback on to the team lead.",
    ),
    "chat": ("Please try again or send us an email.",),
    "email": ("Due to high volumes there may be delays.",),
    "store": ("We have passed your feedback on to the store manager.",),
    "app": ("Please install the latest version of the app.",
            "Our technical team has been informed."),
    "billing": (
        "Please send us a bank statement so that we can look into this.",
        "We have informed our accounts department.",
    ),
    "returns": (
        "Please understand that processing returns takes a few days.",
        "Please use the form in your account for the return.",
    ),
}
SYM_QUESTION: tuple[str, ...] = (
    "Is there anything else we can do for you?",
    "If you have any further questions, please do not hesitate to contact us.",
    "We are always happy to help with any further queries.",
)
SYM_CLOSE: tuple[str, ...] = (
    "Thank you for your understanding.\nKind regards", "Kind regards", "Best regards",
    "Thank you for your patience.\nBest wishes",
)
EMP_FEELING: dict[str, tuple[str, ...]] = {
    "anger": (
        "I completely understand why you're angry.",
        "I can see why you're so upset, and you have every right to be.",
        "Your anger is completely justified.",
    ),
    "frustration": (
        "I can imagine how frustrating this must be for you.",
        "This is really wearing, and I'm sorry.",
        "I understand you're running out of patience.",
    ),
    "disappointment": (
        "I'm truly sorry we've let you down.",
        "I understand you're disappointed, you were counting on us.",
    ),
    "worry": (
        "I understand you're worried, I would be too.",
        "I can see why this is worrying you.",
    ),
    "confusion": ("I can see why this is confusing.",
                  "It's understandable that things are unclear."),
    "neutral": ("Thanks for asking.", "Good question, I'm happy to sort that out for you."),
    "joy": ("How lovely to hear from you!", "Your message made my day."),
    "gratitude": ("Thank you for your kind words, they mean a lot.",
                  "What lovely feedback, thank you!"),
}
EMP_RESTATE_ORDER: tuple[str, ...] = (
    "You ordered the {product} on {date} (order {order}), and I can see that {r}.",
    "I've looked at your order {order}: you wrote that {r}.",
    "With your order {order} for the {product}, I can see that {r}.",
)
EMP_RESTATE: dict[str, tuple[str, ...]] = {
    "neg": (
        "You wrote that {r}, and that simply shouldn't happen.",
        "If I understand you correctly, the problem is that {r}.",
        "It's really annoying that {r}.",
    ),
    "pos": ("How lovely that {r}!", "I'm so pleased to read that {r}."),
    "question": ("I understand that {r}.", "You wrote that {r}."),
    "suggestion": ("I understand that {r}, and I like the idea.",
                   "Thanks for pointing out that {r}."),
}
EMP_ACTION: dict[str, tuple[str, ...]] = {
    "delivery": (
        "I've just opened a trace with the courier and will get back to you personally by "
        "{deadline}.",
        "I'm sending you a replacement by express today; you'll have the tracking number from "
        "me by {deadline}.",
        "I'm handling this myself and have flagged the shipment as top priority; you'll have "
        "your parcel by {deadline}.",
    ),
    "checkout": (
        "I've checked the payment and arranged a refund of {amount}; the money will be back in "
        "your account by {deadline}.",
        "I've placed the order manually for you, so there's nothing more you need to do.",
    ),
    "webshop": (
        "I'm refunding the difference and passing the wrong description to our product team "
        "today.",
        "I've made a note of the item and will email you by {deadline} as soon as it's back.",
    ),
    "hotline": (
        "I've taken over your case myself and will call you back by {deadline}, so you won't "
        "have to wait on hold again.",
        "From now on I'm your personal contact and will come back to you with a solution by "
        "{deadline}.",
    ),
    "chat": ("I've saved the chat history and am sorting this out for you now; you'll have an "
             "answer by {deadline}.",),
    "email": ("I've taken over your request straight away and will reply properly by "
              "{deadline}.",),
    "store": (
        "I've spoken to the store manager in {city}; your order will be ready for you by "
        "{deadline}.",
        "I'm passing this straight to the {city} store and will get back to you by {deadline}.",
    ),
    "app": (
        "I've reported the bug with your details to our app team and will let you know by "
        "{deadline} when the fix is out.",
        "I've reset your account; you'll get an email in a moment so you can log in again.",
    ),
    "billing": (
        "I've cancelled the duplicate charge; the {amount} will be back in your account by "
        "{deadline}.",
        "I've corrected the invoice and removed the late fee; you'll get the new invoice by "
        "email by {deadline}.",
    ),
    "returns": (
        "I've released your refund of {amount} today; the money will be in your account by "
        "{deadline}.",
        "I'm emailing you a new return label and we can also collect the parcel from you if "
        "that's easier.",
    ),
}
EMP_ACTION_POS: tuple[str, ...] = (
    "I'll happily pass your praise on to the whole team.",
    "I'm forwarding your kind words to my colleagues personally.",
)
EMP_QUESTION: dict[str, tuple[str, ...]] = {
    "delivery": (
        "Is your delivery address still correct, or shall I send the parcel to a locker instead?",
        "Does delivery on {deadline} work for you, or do you need it sooner?",
    ),
    "checkout": ("Which payment method would you like to use next time?",),
    "webshop": ("Would you like to keep the item, or shall I suggest an alternative?",),
    "hotline": ("What time is best to reach you?",),
    "chat": ("May I call you on the number in your account?",),
    "email": ("Would a quick call suit you better than emails?",),
    "store": ("Which day suits you best for the pickup?",),
    "app": ("Which phone model and app version are you using?",),
    "billing": ("Should the money go back to your card or to your bank account?",),
    "returns": ("Would you prefer a refund or a replacement?",),
    "_pos": (
        "May I ask what you liked most?",
        "Would you mind if we quoted your praise anonymously on our website?",
    ),
}
EMP_FEELING_IDEA: tuple[str, ...] = (
    "Thank you for taking the time to share this idea.", "What a good idea, thank you!",
)
EMP_ANSWER: tuple[str, ...] = (
    "I've looked into this for you: {fact} If anything is still open after that, I'll take "
    "care of it personally by {deadline}.",
    "In short: {fact} I've made a note of your request and will check again by {deadline} "
    "that everything worked.",
)
EMP_ACTION_IDEA: tuple[str, ...] = (
    "I've passed your suggestion to the team responsible and will let you know by {deadline} "
    "what happens next.",
    "I'm taking your idea to our next team meeting and will get back to you by {deadline}.",
)
EMP_QUESTION_IDEA: tuple[str, ...] = (
    "May we contact you when we test the feature?", "What would matter most to you?",
)
EMP_CLOSE: tuple[str, ...] = (
    "I'm here for you.\nWarm regards", "Warm regards", "All the best and speak soon",
    "I'll be in touch as promised.\nWarm regards",
)
PRAISE_COLD: tuple[str, ...] = (
    "Thanks for the feedback, {title_last}.", "Thanks. Case {ticket} is closed.",
    "Feedback on case {ticket} noted.",
)
PRAISE_SYM: tuple[str, ...] = (
    "Thank you for your kind feedback.",
    "We are pleased to hear you are satisfied.",
    "We look forward to welcoming you again soon.",
)
SIGNATURE_LETTER: tuple[str, ...] = (
    "{agent_first} {agent_last}\n{brand} Customer Care", "{agent_first} {agent_last}",
    "Your {brand} Customer Care\n{agent_first}", "{agent_first} from {brand} Customer Care",
)
SIGNATURE_SHORT: tuple[str, ...] = ("{agent_first}", "{agent_first}, Customer Care", "")
SOCIAL_DM: tuple[str, ...] = (
    "Please send us a DM with your order number.", "Feel free to drop us a direct message.",
)
BOT_OPEN: tuple[str, ...] = (
    "Hi! I'm {bot}, {brand}'s digital assistant. 🤖",
    "Hello, this is {bot}, your virtual assistant.",
    "Welcome to {brand} customer service! I'm {bot}.",
)
BOT_BODY: dict[str, tuple[str, ...]] = {
    "delivery": (
        "For your order {order} I can see the status: \"Out for delivery\".",
        "Your order {order} was shipped on {date}.",
        "You can find shipping information under My account > Orders.",
    ),
    "checkout": ("You'll find tips on payment problems in our help centre under \"Payment\".",),
    "webshop": ("Availability is shown directly on the product page.",),
    "hotline": ("Our hotline is open Mon-Fri 8am to 6pm.",),
    "chat": ("Our chat is available Mon-Sat 9am to 8pm.",),
    "email": ("We usually answer emails within 2 working days.",),
    "store": ("Opening hours and addresses of our stores are in the store finder.",),
    "app": ("Please update the app. That fixes most problems.",),
    "billing": ("Your invoices are under My account > Invoices.",),
    "returns": (
        "You can register a return for order {order} under My account > Returns.",
        "Refunds are made within 14 days of receiving the return.",
    ),
}
BOT_TICKET: tuple[str, ...] = (
    "I've logged your request under number {ticket}.", "Your case number is {ticket}.",
    "Hi {first}, your request number is {ticket}.",
)
BOT_CLOSE: tuple[str, ...] = (
    "Did that help? Reply \"Yes\" or \"No\".",
    "Would you like to talk to an agent? Just type \"agent\".",
    "Is there anything else I can do for you?",
)
BOT_HANDOVER: tuple[str, ...] = ("I'll connect you with a colleague.",
                                 "One moment, I'm transferring you.", "")
