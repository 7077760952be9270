"""Labels and table headings of the documents in English, Polish and Russian (one row per key)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from babel import Locale

from kam_desktop.documents.content import Lang
from kam_desktop.domain.periods import Quarter

_ORDER: dict[str, int] = {"en": 0, "pl": 1, "ru": 2}

#        key: (English, Polish, Russian)
LABELS: dict[str, tuple[str, str, str]] = {
    # common
    "page": ("Page {page} of {pages}", "Strona {page} z {pages}", "Страница {page} из {pages}"),
    "account_code": ("Account code", "Kod klienta", "Код клиента"),
    "number": ("No.", "Nr", "№"),
    "version_note": (
        "Version {version}; replaces document {supersedes}.",
        "Wersja {version}; zastępuje dokument {supersedes}.",
        "Версия {version}; заменяет документ {supersedes}.",
    ),
    # Russian "в лице …" would need the name and the position in the genitive; names are not declined reliably,
    # so the Russian line names the representative in the nominative instead
    "represented_by": ("represented by {name}, {title}", "reprezentowana przez: {name}, {title}",
                       "Представитель: {name}, {title}"),
    "represented_by_name": ("represented by {name}", "reprezentowana przez: {name}", "Представитель: {name}"),
    "organiser": ("the Organiser", "Organizator", "Организатор"),
    "participant": ("the Participant", "Uczestnik", "Участник"),
    "hereinafter_organiser": ("hereinafter “the Organiser”", "zwana dalej „Organizatorem”",
                              "далее «Организатор»"),
    "hereinafter_participant": ("hereinafter “the Participant”", "zwana dalej „Uczestnikiem”",
                                "далее «Участник»"),
    "between": ("between:", "pomiędzy:", "между:"),
    "and": ("and", "a", "и"),
    "sign_for_organiser": ("For the Organiser", "Za Organizatora", "За Организатора"),
    "sign_for_participant": ("For the Participant", "Za Uczestnika", "За Участника"),
    "sign_line": ("signature", "podpis", "подпись"),
    "sign_name": ("name, position", "imię i nazwisko, stanowisko", "Ф. И. О., должность"),
    "sign_date": ("date", "data", "дата"),
    "contact": ("Contact", "Kontakt", "Контакты"),
    # agreement
    "agreement_title": ("Loyalty Program Participation Agreement",
                        "Umowa uczestnictwa w programie lojalnościowym",
                        "Договор об участии в программе лояльности"),
    "agreement_subtitle": ("No. {number} of {date}, concluded in {place}",
                           "nr {number} z dnia {date}, miejsce zawarcia: {place}",
                           "№ {number} от {date}, место заключения: {place}"),
    "grade": ("Grade", "Poziom", "Уровень"),
    "grade_name": ("Name", "Nazwa", "Название"),
    "ranking_position": ("Position in the ranking", "Pozycja w rankingu", "Место в рейтинге"),
    "cashback_rate": ("Cashback", "Cashback", "Кэшбэк"),
    "top_band": ("top {to}", "najlepsze {to}", "лучшие {to}"),
    "band": ("{frm} – {to}", "{frm} – {to}", "{frm} – {to}"),
    # annex
    "annex_title": ("Benefit Annex No. {number}", "Aneks benefitowy nr {number}",
                    "Приложение о привилегиях № {number}"),
    "annex_short": ("Benefit Annex", "Aneks benefitowy", "Приложение о привилегиях"),
    "annex_subtitle": ("to Agreement No. {agreement} of {agreement_date}; issued on {date} in {place}",
                       "do umowy nr {agreement} z dnia {agreement_date}; wystawiony {date}, {place}",
                       "к договору № {agreement} от {agreement_date}; оформлено {date}, {place}"),
    "annex_intro": (
        "This annex sets out the benefits granted to the Participant under the Agreement. The benefits take "
        "effect when both Parties have signed this annex and apply only within the validity periods stated.",
        "Niniejszy aneks określa benefity przyznane Uczestnikowi na podstawie Umowy. Benefity obowiązują od "
        "podpisania aneksu przez obie Strony i wyłącznie w podanych okresach ważności.",
        "Настоящее приложение определяет привилегии, предоставляемые Участнику по Договору. Привилегии "
        "вступают в силу после подписания приложения обеими Сторонами и действуют только в указанные сроки.",
    ),
    "grade_at_issue": ("Participant’s grade at issue: {grade}", "Poziom Uczestnika w dniu wystawienia: {grade}",
                       "Уровень Участника на дату оформления: {grade}"),
    "benefits_granted": ("Benefits granted", "Przyznane benefity", "Предоставляемые привилегии"),
    "col_no": ("#", "Lp.", "№"),
    "col_benefit": ("Benefit and terms", "Benefit i warunki", "Привилегия и условия"),
    "col_conditions": ("Conditions", "Warunki przyznania", "Условия предоставления"),
    "col_validity": ("Valid", "Ważność", "Срок действия"),
    "col_value": ("Est. value", "Szac. wartość", "Оценка стоимости"),
    "col_status": ("Status", "Status", "Статус"),
    "exceptions_title": ("Policy exceptions this annex relies on",
                         "Wyjątki od polityki, na których opiera się aneks",
                         "Исключения из политики, на которых основано приложение"),
    "no_exceptions": ("This annex relies on no exception: all benefits are within the commercial policy.",
                      "Aneks nie opiera się na żadnym wyjątku: wszystkie benefity mieszczą się w polityce "
                      "handlowej.",
                      "Приложение не основано на исключениях: все привилегии соответствуют коммерческой "
                      "политике."),
    "col_exception": ("Exception", "Wyjątek", "Исключение"),
    "col_subject": ("Subject", "Przedmiot", "Предмет"),
    "col_approver": ("Approved by", "Zatwierdził", "Утвердил"),
    "col_decided": ("Decided on", "Data decyzji", "Дата решения"),
    "col_valid_until": ("Valid until", "Ważny do", "Действует до"),
    "totals_title": ("Totals against the policy budget", "Podsumowanie względem budżetu polityki",
                     "Итоги относительно бюджета политики"),
    "total_annex": ("Total estimated value of the benefits in this annex",
                    "Łączna szacowana wartość benefitów w aneksie",
                    "Общая оценочная стоимость привилегий по приложению"),
    "policy_budget": ("Benefit budget under the commercial policy", "Budżet benefitów wg polityki handlowej",
                      "Бюджет привилегий по коммерческой политике"),
    "committed_before": ("Committed by earlier annexes", "Zaangażowano we wcześniejszych aneksach",
                         "Использовано предыдущими приложениями"),
    "remaining": ("Remaining after this annex", "Pozostaje po tym aneksie",
                  "Остаток после настоящего приложения"),
    "over_budget": ("The benefits exceed the policy budget by {amount}; the excess relies on the exceptions "
                    "listed above.",
                    "Benefity przekraczają budżet polityki o {amount}; nadwyżka opiera się na wyjątkach "
                    "wymienionych powyżej.",
                    "Привилегии превышают бюджет политики на {amount}; превышение основано на перечисленных "
                    "выше исключениях."),
    # the document's own language only: a Polish or Russian client reads "PROJEKT" / "ПРОЕКТ", never "DRAFT"
    "draft_word": ("DRAFT", "PROJEKT", "ПРОЕКТ"),
    "draft_mark": ("not valid for signature", "nie do podpisu", "не для подписи"),
    "draft_banner": (
        "DRAFT — not valid for signature: some benefits still await approval.",
        "PROJEKT — nie do podpisu: część benefitów oczekuje na zatwierdzenie.",
        "ПРОЕКТ — не для подписи: часть привилегий ожидает утверждения.",
    ),
    "approval_within_policy": ("Within policy", "W ramach polityki", "В рамках политики"),
    "approval_approved": ("Approved exception", "Zatwierdzony wyjątek", "Утверждённое исключение"),
    "approval_pending": ("Awaiting approval", "Oczekuje na zatwierdzenie", "Ожидает утверждения"),
    "exception_pending": ("Pending", "W toku", "На рассмотрении"),
    "exception_approved": ("Approved", "Zatwierdzony", "Утверждено"),
    "benefit_type_cashback": ("Cashback", "Cashback", "Кэшбэк"),
    "benefit_type_volume_discount": ("Volume discount", "Rabat wolumenowy", "Скидка за объём"),
    "benefit_type_rebate": ("Rebate", "Rabat posprzedażowy", "Ретро-бонус"),
    "benefit_type_points": ("Bonus points", "Punkty premiowe", "Бонусные баллы"),
    "benefit_type_mdf": ("Marketing development funds (MDF)", "Fundusz marketingowy (MDF)",
                         "Маркетинговый фонд (MDF)"),
    "benefit_type_early_access": ("Early access", "Wcześniejszy dostęp do nowości", "Ранний доступ к новинкам"),
    "benefit_type_priority_delivery": ("Priority delivery", "Priorytet dostaw", "Приоритетная поставка"),
    "benefit_type_data_insights": ("Data and insights", "Dane i analizy", "Данные и аналитика"),
    "benefit_type_extended_sla": ("Extended SLA", "Rozszerzone SLA", "Расширенный SLA"),
    "benefit_type_training": ("Training and certification", "Szkolenia i certyfikacja",
                              "Обучение и сертификация"),
    "benefit_type_payment_terms": ("Payment terms", "Wydłużony termin płatności", "Отсрочка платежа"),
    "benefit_type_extended_warranty": ("Extended warranty", "Przedłużona gwarancja", "Расширенная гарантия"),
    "benefit_type_other": ("Other", "Inne", "Прочее"),
    # statement
    "statement_title": ("Quarterly Statement", "Zestawienie kwartalne", "Квартальная выписка"),
    "statement_subtitle": ("{quarter} · No. {number} · issued on {date}",
                           "{quarter} · nr {number} · wystawiono {date}",
                           "{quarter} · № {number} · дата выдачи {date}"),
    "period": ("Period", "Okres", "Период"),
    "account_manager": ("Your account manager", "Opiekun klienta", "Ваш менеджер"),
    "grade_section": ("Grade and progress", "Poziom i postęp", "Уровень и прогресс"),
    "your_grade": ("Your grade", "Twój poziom", "Ваш уровень"),
    "basis": ("Basis", "Podstawa", "База расчёта"),
    "basis_line": ("{basis} in {currency}, last {months} months", "{basis} w {currency}, ostatnie {months} mies.",
                   "{basis} в {currency}, последние {months} мес."),
    "grade_value": ("Your result", "Twój wynik", "Ваш результат"),
    "next_threshold": ("Threshold of {grade}", "Próg poziomu {grade}", "Порог уровня {grade}"),
    "missing": ("Still needed", "Brakuje", "Не хватает"),
    "top_reached": ("You are at the top grade.", "Masz najwyższy poziom programu.",
                    "У вас наивысший уровень программы."),
    "basis_gross_margin": ("Gross margin", "Marża brutto", "Валовая маржа"),
    "basis_net_revenue": ("Net revenue", "Obrót netto", "Чистая выручка"),
    "ledger_points": ("Points", "Punkty", "Баллы"),
    "ledger_cashback": ("Cashback ({currency})", "Cashback ({currency})", "Кэшбэк ({currency})"),
    "opening_balance": ("Opening balance", "Saldo otwarcia", "Входящий остаток"),
    "closing_balance": ("Closing balance", "Saldo zamknięcia", "Исходящий остаток"),
    "col_date": ("Date", "Data", "Дата"),
    "col_type": ("Type", "Rodzaj", "Тип"),
    "col_description": ("Description", "Opis", "Описание"),
    "col_reference": ("Reference", "Dokument źródłowy", "Основание"),
    "col_amount": ("Amount", "Kwota", "Сумма"),
    "entry_accrual": ("Accrual", "Naliczenie", "Начисление"),
    "entry_redemption": ("Redemption", "Wykorzystanie", "Списание"),
    "entry_expiry": ("Expiry", "Wygaśnięcie", "Сгорание"),
    "entry_adjustment": ("Adjustment", "Korekta", "Корректировка"),
    "no_entries": ("No entries this quarter.", "Brak operacji w tym kwartale.", "Операций в квартале нет."),
    "expiry_title": ("Expiry schedule", "Harmonogram wygasania", "График сгорания"),
    "col_expires_on": ("Expires on", "Wygasa dnia", "Сгорает"),
    "nothing_expires": ("Nothing is due to expire.", "Nic nie wygasa.", "Ничего не сгорает."),
    "benefits_used_title": ("Benefits: used vs entitled", "Benefity: wykorzystane a przysługujące",
                            "Привилегии: использовано и положено"),
    "col_entitled": ("Entitled", "Przysługuje", "Положено"),
    "col_used": ("Used", "Wykorzystano", "Использовано"),
    "col_left": ("Left", "Pozostało", "Осталось"),
    "col_use": ("Used %", "Wykorz. %", "Исп., %"),
    "col_benefit_short": ("Benefit", "Benefit", "Привилегия"),
    "offers_title": ("Open offers for you", "Otwarte oferty dla Ciebie", "Открытые предложения для вас"),
    "owed_title": ("Cashback owed back", "Cashback do zwrotu", "Кэшбэк к возврату"),
    "owed_note": ("Returns made these quarters net negative: the cashback paid for them is owed back. It is carried "
                  "forward as a negative balance, and your next cashback pays it off first.",
                  "Zwroty sprawiły, że te kwartały są ujemne: wypłacony za nie cashback podlega zwrotowi. Przechodzi "
                  "na kolejne okresy jako saldo ujemne, które w pierwszej kolejności pokryje Twój następny cashback.",
                  "Из-за возвратов эти кварталы отрицательны: начисленный за них кэшбэк подлежит возврату. Он "
                  "переносится как отрицательный остаток, и ваш следующий кэшбэк сначала погашает его."),
    "col_quarter": ("Quarter", "Kwartał", "Квартал"),
    "col_owed": ("Still owed", "Pozostało do zwrotu", "Осталось вернуть"),
    "col_offer": ("Offer", "Oferta", "Предложение"),
    "wallet_title": ("Share of wallet by category", "Udział w portfelu wg kategorii",
                     "Доля кошелька по категориям"),
    "col_category": ("Category", "Kategoria", "Категория"),
    "col_our_sales": ("Bought from us", "Zakupy u nas", "Куплено у нас"),
    "col_total_spend": ("Total category spend", "Łączne wydatki w kategorii", "Все расходы в категории"),
    "col_share": ("Share of wallet", "Udział w portfelu", "Доля кошелька"),
    "col_slot": ("Potential", "Potencjał", "Потенциал"),
    "statement_footer": (
        "This statement is produced from the program ledger. Questions? Please contact your account manager.",
        "Zestawienie sporządzono na podstawie rejestru programu. W razie pytań prosimy o kontakt z opiekunem.",
        "Выписка сформирована по данным реестра программы. С вопросами обращайтесь к вашему менеджеру.",
    ),
    "none": ("None.", "Brak.", "Нет."),
}

_ROMAN = ("I", "II", "III", "IV")


def text(lang: Lang, key: str, **values: object) -> str:
    """The label `key` in `lang`, with `{placeholders}` filled from `values`."""
    template = LABELS[key][_ORDER[lang]]
    return template.format(**values) if values else template


def grade_label(code: str, name: str) -> str:
    """"L2 · Gold"; just "L2" where the program gives the grade no other name (customers' grades often)."""
    return f"{code} · {name}" if name and name != code else code


def quarter_name(lang: Lang, quarter: Quarter) -> str:
    if lang == "pl":
        return f"{_ROMAN[quarter.number - 1]} kwartał {quarter.year} r."
    if lang == "ru":
        return f"{_ROMAN[quarter.number - 1]} квартал {quarter.year} г."
    return f"Q{quarter.number} {quarter.year}"


def quarter_short(lang: Lang, quarter: Quarter) -> str:
    """A quarter where room is short (chart axes, references): "Q3 2026", "III kw. 2026", "III кв. 2026"."""
    if lang == "pl":
        return f"{_ROMAN[quarter.number - 1]} kw. {quarter.year}"
    if lang == "ru":
        return f"{_ROMAN[quarter.number - 1]} кв. {quarter.year}"
    return f"Q{quarter.number} {quarter.year}"


def sentence(value: str) -> str:
    """`value` ending with one full stop: a Russian date ends with "г." and must not read "г.."."""
    return value if value.endswith(".") else value + "."


@cache
def _locale(lang: Lang) -> Locale:
    return Locale.parse({"pl": "pl_PL", "ru": "ru_RU", "en": "en_GB"}[lang])


def plural(lang: Lang, count: int | Decimal, forms: dict[str, str]) -> str:
    """The form of a word for `count` by the CLDR plural rules (one/few/many/other)."""
    category = _locale(lang).plural_form(count)
    return forms.get(category, forms["other"])
