"""The participation agreement's program rules and legal clauses, written out per language."""

from __future__ import annotations

from kam_desktop.documents.content import AgreementContent, Lang
from kam_desktop.documents.counts import counted
from kam_desktop.documents.formats import formats_for
from kam_desktop.documents.texts import plural, sentence

Clause = tuple[str, tuple[str, ...]]  # (heading, paragraphs)

_POINTS = {  # a rate like 0.01 points: a fraction, so CLDR's forms (texts.plural), not gettext's integer rule
    "en": {"one": "point", "other": "points"},
    "pl": {"one": "pkt", "other": "pkt"},
    "ru": {"one": "балл", "few": "балла", "many": "баллов", "other": "балла"},
}
_BASIS_GEN = {
    "en": {"gross_margin": "the gross margin", "net_revenue": "the net revenue"},
    "pl": {"gross_margin": "marży brutto zrealizowanej", "net_revenue": "obrotu netto zrealizowanego"},
    "ru": {"gross_margin": "валовой маржи", "net_revenue": "чистой выручки"},
}

_SETTLEMENT = {
    "invoice": {
        "en": "Rewards are settled on the invoice: the cashback due is deducted directly on the next invoices "
              "issued to the Participant.",
        "pl": "Nagrody są rozliczane na fakturze: należny cashback jest odejmowany bezpośrednio na kolejnych "
              "fakturach wystawianych Uczestnikowi.",
        "ru": "Вознаграждение предоставляется в счёте: причитающийся кэшбэк вычитается непосредственно "
              "из последующих счетов, выставляемых Участнику.",
    },
    "quarterly_rebate": {
        "en": "Rewards are settled quarterly as a retrospective bonus: within 30 days after the end of each "
              "quarter the Organiser issues a correcting invoice (rebate note) for the cashback due.",
        "pl": "Nagrody są rozliczane kwartalnie jako premia pieniężna: w terminie 30 dni od zakończenia "
              "kwartału Organizator wystawia fakturę korygującą (notę rabatową) na kwotę należnego cashbacku.",
        "ru": "Вознаграждение выплачивается ежеквартально в виде ретроспективной премии: в течение 30 дней "
              "после окончания квартала Организатор оформляет корректировочный счёт-фактуру на сумму "
              "причитающегося кэшбэка.",
    },
    "service_budget": {
        "en": "Rewards are credited to a service budget which the Participant may spend on the Organiser’s "
              "services (training, implementation support, extended SLA).",
        "pl": "Nagrody są zapisywane na budżecie usługowym, który Uczestnik może wykorzystać na usługi "
              "Organizatora (szkolenia, wsparcie wdrożeniowe, rozszerzone SLA).",
        "ru": "Вознаграждение зачисляется в сервисный бюджет, который Участник может использовать на услуги "
              "Организатора (обучение, поддержка внедрения, расширенный SLA).",
    },
}

_TEMPLATES: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "en": {
        "subject": ("§ 1. Subject of the Agreement", (
            "This Agreement sets out the terms on which the Participant takes part in the Organiser’s loyalty "
            "program (“the Program”). The Program is part of the Organiser’s commercial policy and does not "
            "change prices or delivery terms agreed separately.",)),
        "grades": ("§ 2. Grades and how they are computed", (
            "After the end of each quarter the Organiser ranks all active participants by {basis} they "
            "generated with the Organiser over the preceding {window}, and divides the ranking into "
            "the percentile bands shown in the table below. The Participant receives the grade of its band.",
            "A lower grade applies only if the Participant stays below its band for {grace} "
            "(grace period), so that one weaker quarter does not lower the grade.")),
        "rewards": ("§ 3. Rewards", (
            "The cashback rate of the Participant’s grade applies to the net purchases invoiced in the "
            "quarter, after corrections and returns. Further benefits may be granted only in a benefit annex "
            "signed by both Parties.",)),
        "settlement": ("§ 4. Settlement", ("{settlement}",)),
        "points": ("§ 5. Points and their expiry", (
            "The Participant accrues {points} {point_word} for each 1 {unit} of net purchases. Points expire after "
            "{expiry} from the end of the quarter in which they were accrued.",
            "Each quarter the Organiser sends the Participant a statement with the balance, the history of "
            "entries, the expiry schedule and the benefits used.")),
        "compliance": ("§ 6. Compliance", (
            "The Parties comply with applicable anti-corruption law. No benefit under the Program may be "
            "offered, promised or given to induce or reward the improper performance of a function, in "
            "particular to a public official or to an employee of the Participant acting against the "
            "Participant’s interest.",
            "Benefits are granted to the Participant as a company. A benefit for a natural person (events, "
            "training, gifts) may not exceed {cap} per person per calendar year and is recorded in the "
            "Organiser’s register of benefits.",
            "Benefits beyond the commercial policy require a written exception approved by an authorised "
            "person other than the requester and are listed, with the exception number, in a signed annex. "
            "Total rewards under the Program may not exceed {budget} of the gross margin the Organiser earns "
            "with the Participant.",
            "The Organiser may audit the transactions that give rise to rewards; rewards obtained through "
            "fictitious or reversed transactions are cancelled.")),
        "term": ("§ 7. Term", (
            "{term_sentence} Either Party may terminate it with {notice} written notice. Points "
            "accrued before termination may be used until they expire.",)),
        "final": ("§ 8. Final provisions", (
            "Annexes concluded under this Agreement form an integral part of it. Amendments require written "
            "form to be valid. The Agreement has been drawn up in two identical copies, one for each Party.",)),
    },
    "pl": {
        "subject": ("§ 1. Przedmiot umowy", (
            "Umowa określa zasady uczestnictwa Uczestnika w programie lojalnościowym Organizatora (dalej "
            "„Program”). Program stanowi część polityki handlowej Organizatora i nie zmienia cen ani warunków "
            "dostaw uzgodnionych odrębnie.",)),
        "grades": ("§ 2. Poziomy uczestnictwa i sposób ich wyznaczania", (
            "Po zakończeniu każdego kwartału Organizator szereguje wszystkich aktywnych uczestników według "
            "{basis} z Organizatorem w okresie {window} poprzedzających koniec kwartału "
            "i dzieli ranking na przedziały percentylowe wskazane w tabeli poniżej. Uczestnik otrzymuje "
            "poziom odpowiadający swojemu przedziałowi.",
            "Obniżenie poziomu następuje dopiero wtedy, gdy wynik Uczestnika pozostaje poniżej jego "
            "przedziału przez okres {grace} (okres karencji), tak aby jeden słabszy kwartał nie "
            "obniżał poziomu.")),
        "rewards": ("§ 3. Nagrody", (
            "Stawka cashbacku właściwa dla poziomu Uczestnika stosowana jest do zakupów netto zafakturowanych "
            "w danym kwartale, po uwzględnieniu korekt i zwrotów. Dodatkowe benefity mogą być przyznane "
            "wyłącznie w aneksie benefitowym podpisanym przez obie Strony.",)),
        "settlement": ("§ 4. Rozliczenie", ("{settlement}",)),
        "points": ("§ 5. Punkty i ich wygasanie", (
            "Uczestnik otrzymuje {points} {point_word} za każdy 1 {unit} zakupów netto. Punkty wygasają "
            "po upływie {expiry} od końca kwartału, w którym zostały naliczone.",
            "Po każdym kwartale Organizator przekazuje Uczestnikowi zestawienie zawierające saldo, historię "
            "operacji, harmonogram wygasania punktów oraz wykorzystane benefity.")),
        "compliance": ("§ 6. Zgodność z przepisami", (
            "Strony przestrzegają obowiązujących przepisów antykorupcyjnych. Żaden benefit w ramach Programu "
            "nie może być oferowany, obiecywany ani przekazywany w celu nakłonienia do niewłaściwego "
            "wykonywania funkcji lub nagrodzenia za nie, w szczególności funkcjonariuszowi publicznemu lub "
            "pracownikowi Uczestnika działającemu wbrew interesowi Uczestnika.",
            "Benefity przyznawane są Uczestnikowi jako przedsiębiorcy. Wartość benefitu przeznaczonego dla "
            "osoby fizycznej (wydarzenia, szkolenia, upominki) nie może przekroczyć {cap} na osobę w roku "
            "kalendarzowym i jest ewidencjonowana w rejestrze korzyści Organizatora.",
            "Benefity wykraczające poza politykę handlową wymagają pisemnego wyjątku zatwierdzonego przez "
            "upoważnioną osobę inną niż wnioskodawca i są wymieniane, wraz z numerem wyjątku, w podpisanym "
            "aneksie. Łączna wartość nagród w Programie nie może przekroczyć {budget} marży brutto "
            "osiąganej przez Organizatora ze sprzedaży na rzecz Uczestnika.",
            "Organizator może kontrolować transakcje stanowiące podstawę nagród; nagrody uzyskane w wyniku "
            "transakcji fikcyjnych lub anulowanych podlegają cofnięciu.")),
        "term": ("§ 7. Okres obowiązywania", (
            "{term_sentence} Każda ze Stron może ją wypowiedzieć na piśmie z zachowaniem okresu wypowiedzenia "
            "wynoszącego {notice}. Punkty naliczone przed rozwiązaniem umowy można wykorzystać "
            "do czasu ich wygaśnięcia.",)),
        "final": ("§ 8. Postanowienia końcowe", (
            "Aneksy zawarte na podstawie Umowy stanowią jej integralną część. Zmiany Umowy wymagają formy "
            "pisemnej pod rygorem nieważności. Umowę sporządzono w dwóch jednobrzmiących egzemplarzach, po "
            "jednym dla każdej ze Stron.",)),
    },
    "ru": {
        "subject": ("§ 1. Предмет договора", (
            "Настоящий Договор определяет условия участия Участника в программе лояльности Организатора "
            "(далее «Программа»). Программа является частью коммерческой политики Организатора и не изменяет "
            "цены и условия поставок, согласованные отдельно.",)),
        "grades": ("§ 2. Уровни участия и порядок их определения", (
            "По окончании каждого квартала Организатор ранжирует всех активных участников по величине "
            "{basis}, полученной Организатором за предшествующие {window}, и делит рейтинг на "
            "процентильные интервалы, указанные в таблице ниже. Участнику присваивается уровень его интервала.",
            "Понижение уровня происходит, только если результат Участника остаётся ниже его интервала в "
            "течение {grace} (льготный период), чтобы один слабый квартал не снижал уровень.")),
        "rewards": ("§ 3. Вознаграждение", (
            "Ставка кэшбэка уровня Участника применяется к чистым закупкам, выставленным в счетах за квартал, "
            "с учётом корректировок и возвратов. Иные привилегии предоставляются только по приложению о "
            "привилегиях, подписанному обеими Сторонами.",)),
        "settlement": ("§ 4. Порядок расчётов", ("{settlement}",)),
        "points": ("§ 5. Баллы и их сгорание", (
            "Баллы начисляются из расчёта {points} {point_word} за каждый 1 {unit} чистых закупок. Баллы "
            "сгорают по истечении {expiry} после окончания квартала, в котором они начислены.",
            "Ежеквартально Организатор направляет Участнику выписку с остатком, историей операций, графиком "
            "сгорания баллов и использованными привилегиями.")),
        "compliance": ("§ 6. Соблюдение требований", (
            "Стороны соблюдают применимое антикоррупционное законодательство. Никакие привилегии по Программе "
            "не могут предлагаться, обещаться или предоставляться с целью побудить к ненадлежащему исполнению "
            "функций или вознаградить за него, в частности государственному служащему или работнику "
            "Участника, действующему вопреки интересам Участника.",
            "Привилегии предоставляются Участнику как юридическому лицу. Стоимость привилегии для физического "
            "лица (мероприятия, обучение, подарки) не может превышать {cap} на одного человека в календарный "
            "год и учитывается в реестре привилегий Организатора.",
            "Привилегии сверх коммерческой политики требуют письменного исключения, утверждённого "
            "уполномоченным лицом, не являющимся инициатором запроса, и указываются с номером исключения в "
            "подписанном приложении. Общий объём вознаграждений по Программе не может превышать {budget} "
            "валовой маржи Организатора по продажам Участнику.",
            "Организатор вправе проверять сделки, являющиеся основанием для вознаграждения; вознаграждение, "
            "полученное по фиктивным или отменённым сделкам, аннулируется.")),
        "term": ("§ 7. Срок действия", (
            "{term_sentence} Каждая из Сторон вправе расторгнуть его, письменно уведомив другую Сторону не "
            "менее чем за {notice}. Баллы, начисленные до расторжения, могут быть использованы "
            "до их сгорания.",)),
        "final": ("§ 8. Заключительные положения", (
            "Приложения, заключённые в рамках Договора, являются его неотъемлемой частью. Изменения Договора "
            "действительны только в письменной форме. Договор составлен в двух экземплярах, имеющих равную "
            "юридическую силу, по одному для каждой из Сторон.",)),
    },
}

_TERM = {  # without the full stop: a date may end the sentence with its own ("2026 г.")
    "en": ("The Agreement is concluded for the period from {start} to {end}",
           "The Agreement is concluded for an indefinite period starting on {start}"),
    "pl": ("Umowa zostaje zawarta na czas określony od {start} do {end}",
           "Umowa zostaje zawarta na czas nieokreślony, począwszy od {start}"),
    "ru": ("Договор заключён на срок с {start} по {end}",
           "Договор заключён на неопределённый срок, начиная с {start}"),
}

ORDER = ("subject", "grades", "rewards", "settlement", "points", "compliance", "term", "final")


def agreement_clauses(content: AgreementContent) -> list[tuple[str, Clause]]:
    """The agreement's sections in order, as (key, (heading, paragraphs)), filled with the rules."""
    lang: Lang = content.header.lang
    fmt = formats_for(lang)
    rules = content.rules
    fixed, open_ended = _TERM[lang]
    term = sentence((fixed if content.term_end else open_ended).format(
        start=fmt.long_date(content.term_start),
        end=fmt.long_date(content.term_end) if content.term_end else "",
    ))
    values = {
        "basis": _BASIS_GEN[lang][rules.basis],
        # "over the preceding 12 months": Russian takes the accusative here ("за 12 месяцев"), Polish the genitive
        "window": counted(lang, "{count} month", "{count} months", rules.window_months,
                          "document: over the preceding N months"),
        "grace": counted(lang, "{count} quarter", "{count} consecutive quarters", rules.grace_quarters,
                         "document: for N quarters (grace period)"),
        "settlement": _SETTLEMENT[rules.settlement][lang],
        "unit": rules.currency,
        "point_word": plural(lang, rules.points_per_currency_unit, _POINTS[lang]),
        "points": fmt.quantity(rules.points_per_currency_unit),
        "expiry": counted(lang, "{count} month", "{count} months", rules.points_expiry_months,
                          "document: after N months (points expire)"),
        "cap": fmt.money(rules.benefit_cap_per_person, rules.currency),
        "budget": fmt.percent(rules.reward_budget_percent_of_margin),
        "term_sentence": term,
        "notice": counted(lang, "{count} day’s", "{count} days’", content.notice_days,
                          "document: with N days notice"),
    }
    out: list[tuple[str, Clause]] = []
    for key in ORDER:
        heading, paragraphs = _TEMPLATES[lang][key]
        out.append((key, (heading, tuple(p.format(**values) for p in paragraphs))))
    return out
