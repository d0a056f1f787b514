#include "ui/officer/document_page.h"

#include "ui/officer/labels.h"
#include "ui/officer/ui_helpers.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QVBoxLayout>

namespace umbral::ui {

using enrollment::DocumentEntry;

namespace {
QString fieldName(biometrics::MrzField f) {
    using biometrics::MrzField;
    switch (f) {
    case MrzField::DocumentNumber:
        return DocumentPage::tr("Document number");
    case MrzField::DateOfBirth:
        return DocumentPage::tr("Date of birth");
    case MrzField::DateOfExpiry:
        return DocumentPage::tr("Date of expiry");
    case MrzField::OptionalData:
        return DocumentPage::tr("Personal number / optional data");
    case MrzField::OptionalData2:
        return DocumentPage::tr("Optional data 2");
    case MrzField::Composite:
        return DocumentPage::tr("Composite");
    case MrzField::Name:
        return DocumentPage::tr("Name");
    case MrzField::Sex:
        return DocumentPage::tr("Sex");
    case MrzField::Nationality:
        return DocumentPage::tr("Nationality");
    case MrzField::IssuingState:
        return DocumentPage::tr("Issuing state");
    case MrzField::DocumentCode:
        return DocumentPage::tr("Document code");
    case MrzField::Layout:
        break;
    }
    return DocumentPage::tr("Zone");
}
} // namespace

DocumentPage::DocumentPage(std::function<QDate()> today, QWidget* parent)
    : QWidget(parent), today_(std::move(today)) {
    setObjectName(QStringLiteral("documentPage"));
    auto* heading = makeHeading(tr("Travel document"), this, 1.5);

    auto* mrzLabel =
        new QLabel(tr("&Machine-readable zone (type it, or scan the page with the reader):"), this);
    mrz_ = new QPlainTextEdit(this);
    mrz_->setObjectName(QStringLiteral("mrzInput"));
    mrz_->setTabChangesFocus(true);
    mrz_->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(QApplication::font().pointSizeF() * 1.25);
    mrz_->setFont(mono);
    mrz_->setProperty("umbralMono", true);
    mrz_->setMinimumHeight(110);
    // A passport line (44 characters) fits without scrolling.
    mrz_->setMinimumWidth(QFontMetrics(mono).horizontalAdvance(QString(46, QLatin1Char('<'))) + 24);
    mrz_->setAccessibleName(tr("Machine-readable zone"));
    mrzLabel->setBuddy(mrz_);
    mrzState_ = new QLabel(this);
    mrzState_->setObjectName(QStringLiteral("mrzState"));
    setScaledFont(mrzState_, 1.2, true);
    mrzState_->setWordWrap(true);
    verdict_ = new QLabel(this);
    verdict_->setObjectName(QStringLiteral("mrzVerdict"));
    verdict_->setWordWrap(true);
    verdict_->setTextFormat(Qt::RichText);
    verdict_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* left = new QVBoxLayout;
    left->addWidget(mrzLabel);
    left->addWidget(mrz_);
    left->addWidget(mrzState_);
    left->addWidget(verdict_, 1);

    auto line = [this](const char* name) {
        auto* e = new QLineEdit(this);
        e->setObjectName(QString::fromLatin1(name));
        connect(e, &QLineEdit::textEdited, this, &DocumentPage::formEdited);
        return e;
    };
    surname_ = line("surname");
    given_ = line("givenNames");
    code_ = line("documentCode");
    code_->setMaxLength(2);
    issuer_ = line("issuingState");
    issuer_->setMaxLength(3);
    number_ = line("documentNumber");
    nationality_ = line("nationality");
    nationality_->setMaxLength(3);
    birth_ = line("dateOfBirth");
    birth_->setPlaceholderText(tr("YYYY-MM-DD"));
    expiry_ = line("dateOfExpiry");
    expiry_->setPlaceholderText(tr("YYMMDD"));
    sex_ = new QComboBox(this);
    sex_->setObjectName(QStringLiteral("sex"));
    sex_->addItem(tr("— choose —"), QString());
    sex_->addItem(tr("F (female)"), QStringLiteral("F"));
    sex_->addItem(tr("M (male)"), QStringLiteral("M"));
    sex_->addItem(tr("X (unspecified)"), QStringLiteral("X"));
    connect(sex_, &QComboBox::activated, this, &DocumentPage::formEdited);

    auto* form = new QFormLayout;
    form->addRow(tr("S&urname"), surname_);
    form->addRow(tr("&Given names"), given_);
    form->addRow(tr("Date of &birth"), birth_);
    form->addRow(tr("Se&x"), sex_);
    form->addRow(tr("Nationalit&y"), nationality_);
    form->addRow(tr("Document &number"), number_);
    form->addRow(tr("Document c&ode"), code_);
    form->addRow(tr("&Issuing state"), issuer_);
    form->addRow(tr("Date of e&xpiry"), expiry_);

    confirm_ = new QCheckBox(tr("I have &checked these details against the data page"), this);
    confirm_->setObjectName(QStringLiteral("confirmDocument"));
    setScaledFont(confirm_, 1.1, true);
    connect(confirm_, &QCheckBox::toggled, this, [this](bool on) {
        if (!refreshing_ && workflow_)
            workflow_->confirmDocument(on);
    });
    missing_ = new QLabel(this);
    missing_->setObjectName(QStringLiteral("documentMissing"));
    missing_->setWordWrap(true);

    auto* right = new QVBoxLayout;
    right->addWidget(makeHeading(tr("Details"), this, 1.2));
    right->addLayout(form);
    right->addSpacing(8);
    right->addWidget(confirm_);
    right->addWidget(missing_);
    right->addStretch();

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addSpacing(24);
    columns->addLayout(right, 2);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(heading);
    outer->addLayout(columns, 1);

    connect(mrz_, &QPlainTextEdit::textChanged, this, &DocumentPage::mrzEdited);
    auto* focus = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_M), this);
    focus->setContext(Qt::WidgetWithChildrenShortcut);
    connect(focus, &QShortcut::activated, this, &DocumentPage::focusMrz);
    setTabOrder(mrz_, surname_);
    setTabOrder(surname_, given_);
    setTabOrder(given_, birth_);
    setTabOrder(birth_, sex_);
    setTabOrder(sex_, nationality_);
    setTabOrder(nationality_, number_);
    setTabOrder(number_, code_);
    setTabOrder(code_, issuer_);
    setTabOrder(issuer_, expiry_);
    setTabOrder(expiry_, confirm_);
}

void DocumentPage::bind(enrollment::EncounterWorkflow* workflow) {
    workflow_ = workflow;
    refreshing_ = true;
    mrz_->setPlainText(workflow ? workflow->document().mrzText() : QString());
    refreshing_ = false;
    refresh();
}

void DocumentPage::focusMrz() {
    mrz_->setFocus();
    mrz_->moveCursor(QTextCursor::End);
}

void DocumentPage::mrzEdited() {
    if (refreshing_ || !workflow_)
        return;
    const bool wasClean = workflow_->document().mrzState() == DocumentEntry::MrzState::Clean;
    const auto state = workflow_->setMrz(mrz_->toPlainText(), today_());
    refresh();
    if (state == DocumentEntry::MrzState::Clean && !wasClean)
        emit zoneCompleted();
}

void DocumentPage::formEdited() {
    if (refreshing_ || !workflow_)
        return;
    Traveler t = workflow_->document().traveler();
    t.surname = surname_->text().trimmed().toUpper();
    t.givenNames = given_->text().trimmed().toUpper();
    t.document.documentCode = code_->text().trimmed().toUpper();
    t.document.issuingState = issuer_->text().trimmed().toUpper();
    t.document.number = number_->text().trimmed().toUpper();
    t.nationality = nationality_->text().trimmed().toUpper();
    t.document.nationality = t.nationality;
    t.dateOfBirth = birth_->text().trimmed();
    t.sex = sex_->currentData().toString();
    t.document.expiry = expiry_->text().trimmed();
    workflow_->setTraveler(t);
    refresh();
}

QStringList DocumentPage::translatedMissing(const QStringList& fields) {
    QStringList out;
    for (const QString& f : fields) {
        if (f == QLatin1String("surname"))
            out << tr("surname");
        else if (f == QLatin1String("document number"))
            out << tr("document number");
        else if (f == QLatin1String("document code"))
            out << tr("document code");
        else if (f == QLatin1String("issuing state"))
            out << tr("issuing state");
        else if (f == QLatin1String("nationality"))
            out << tr("nationality");
        else if (f == QLatin1String("date of birth"))
            out << tr("date of birth");
        else if (f == QLatin1String("sex"))
            out << tr("sex");
        else
            out << f;
    }
    return out;
}

QString DocumentPage::verdictText() const {
    return verdict_->text();
}

void DocumentPage::refresh() {
    refreshing_ = true;
    const bool bound = workflow_;
    for (QWidget* w :
         std::initializer_list<QWidget*>{mrz_, surname_, given_, code_, issuer_, number_,
                                         nationality_, birth_, sex_, expiry_, confirm_})
        w->setEnabled(bound);
    if (!workflow_) {
        refreshing_ = false;
        return;
    }
    const DocumentEntry& d = workflow_->document();
    const Traveler& t = d.traveler();
    auto set = [](QLineEdit* e, const QString& v) {
        if (e->text() != v && !e->hasFocus())
            e->setText(v);
    };
    set(surname_, t.surname);
    set(given_, t.givenNames);
    set(code_, t.document.documentCode);
    set(issuer_, t.document.issuingState);
    set(number_, t.document.number);
    set(nationality_, t.nationality);
    set(birth_, t.dateOfBirth);
    set(expiry_, t.document.expiry);
    sex_->setCurrentIndex(std::max(0, sex_->findData(t.sex)));

    // The zone's state: a symbol and words, the colour only adds to them.
    QString state;
    QString colour = QStringLiteral("#333333");
    switch (d.mrzState()) {
    case DocumentEntry::MrzState::Empty:
        state = tr("No zone yet: scan the document, or type the zone or the details by hand.");
        break;
    case DocumentEntry::MrzState::Incomplete:
        state = tr("\u2026 Not a complete zone yet (%1 line(s) read).")
                    .arg(d.mrzText().trimmed().split(QLatin1Char('\n')).size());
        break;
    case DocumentEntry::MrzState::Clean:
        state = tr("\u2714 Zone read: every check digit is correct (%1).")
                    .arg(QString::fromStdString(biometrics::toString(d.record()->format)));
        colour = QStringLiteral("#1b6e34");
        break;
    case DocumentEntry::MrzState::Damaged:
        state = tr("\u2716 Zone damaged: compare the details with the data page and correct them.");
        colour = QStringLiteral("#b01e1e");
        break;
    }
    mrzState_->setText(state);
    mrzState_->setStyleSheet(QStringLiteral("color: %1;").arg(colour));

    QStringList rows;
    if (const auto& r = d.record()) {
        for (const auto& c : r->checks) {
            const bool ok = c.ok();
            const QString mark = ok ? QStringLiteral("\u2714") : QStringLiteral("\u2716");
            QString text;
            if (c.status == biometrics::CheckDigitStatus::Valid)
                text = tr("%1: check digit %2 correct")
                           .arg(fieldName(c.field))
                           .arg(QLatin1Char(c.printed));
            else if (c.status == biometrics::CheckDigitStatus::NotUsed)
                text = tr("%1: no check digit (field empty)").arg(fieldName(c.field));
            else if (c.status == biometrics::CheckDigitStatus::Wrong)
                text = tr("%1: check digit WRONG — %2 printed, the data gives %3 (line %4, "
                          "position %5)")
                           .arg(fieldName(c.field))
                           .arg(QLatin1Char(c.printed))
                           .arg(*c.computed)
                           .arg(c.line + 1)
                           .arg(c.column + 1);
            else
                text = tr("%1: check digit UNREADABLE — '%2' printed (line %3, position %4)")
                           .arg(fieldName(c.field))
                           .arg(QLatin1Char(c.printed))
                           .arg(c.line + 1)
                           .arg(c.column + 1);
            rows << QStringLiteral("<span style='color:%1'>%2 %3</span>")
                        .arg(ok ? QStringLiteral("#1b6e34") : QStringLiteral("#b01e1e"), mark,
                             text.toHtmlEscaped());
        }
        for (const auto& p : r->problems)
            rows << QStringLiteral("<span style='color:#b01e1e'>\u2716 %1</span>")
                        .arg(tr("%1: %2")
                                 .arg(fieldName(p.field), QString::fromStdString(p.message))
                                 .toHtmlEscaped());
        if (r->expired)
            rows << QStringLiteral("<span style='color:#9a5b00'>\u25B2 %1</span>")
                        .arg(tr("The document has expired (%1).")
                                 .arg(QString::fromStdString(r->dateOfExpiry.iso()))
                                 .toHtmlEscaped());
        if (r->nameMayBeTruncated)
            rows << QStringLiteral("<span style='color:#9a5b00'>\u25B2 %1</span>")
                        .arg(tr("The name fills the zone and may be cut short: check it on the "
                                "data page.")
                                 .toHtmlEscaped());
    } else if (d.mrzState() == DocumentEntry::MrzState::Incomplete) {
        rows << d.mrzError().toHtmlEscaped();
    }
    verdict_->setText(rows.join(QStringLiteral("<br>")));

    const bool needs = d.needsConfirmation();
    confirm_->setVisible(needs || d.isConfirmed());
    confirm_->setChecked(d.isConfirmed());
    const QStringList missing = translatedMissing(d.missingFields());
    if (!missing.isEmpty())
        missing_->setText(tr("\u25B2 Still needed: %1").arg(missing.join(QStringLiteral(", "))));
    else if (needs && !d.isConfirmed())
        missing_->setText(tr("\u25B2 Confirm that you checked the details against the data page."));
    else
        missing_->setText(tr("\u2714 The document is complete."));
    refreshing_ = false;
}

} // namespace umbral::ui
