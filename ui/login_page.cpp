#include "ui/login_page.h"

#include "app/core/errors.h"

#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace umbral::ui {

namespace {
struct Outcome {
    bool ok = false;
    Actor actor;
    QString error;
};
} // namespace

LoginPage::LoginPage(Authenticate authenticate, const QString& stationLine, QWidget* parent)
    : QWidget(parent), authenticate_(std::move(authenticate)) {
    setObjectName(QStringLiteral("loginPage"));
    auto* title = new QLabel(tr("Umbral enrollment station"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    f.setBold(true);
    title->setFont(f);
    auto* station = new QLabel(stationLine, this);
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("userName"));
    password_ = new QLineEdit(this);
    password_->setObjectName(QStringLiteral("password"));
    password_->setEchoMode(QLineEdit::Password);
    signIn_ = new QPushButton(tr("&Sign in"), this);
    signIn_->setObjectName(QStringLiteral("signIn"));
    signIn_->setDefault(true);
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("loginError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));

    auto* form = new QFormLayout;
    form->addRow(tr("&User name"), name_);
    form->addRow(tr("&Password"), password_);
    auto* box = new QWidget(this);
    // Wide enough for the title and the lane line at the station's text sizes.
    box->setMinimumWidth(std::max(420, title->sizeHint().width() + 24));
    box->setMaximumWidth(std::max(640, station->sizeHint().width() + 24));
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(title);
    boxLayout->addWidget(station);
    boxLayout->addSpacing(16);
    boxLayout->addLayout(form);
    boxLayout->addWidget(signIn_);
    boxLayout->addWidget(error_);
    auto* outer = new QVBoxLayout(this);
    outer->addStretch();
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    connect(signIn_, &QPushButton::clicked, this, &LoginPage::submit);
    connect(password_, &QLineEdit::returnPressed, this, &LoginPage::submit);
    connect(name_, &QLineEdit::returnPressed, password_, qOverload<>(&QWidget::setFocus));
    setTabOrder(name_, password_);
    setTabOrder(password_, signIn_);
}

void LoginPage::reset() {
    password_->clear();
    error_->clear();
    signIn_->setEnabled(true);
    name_->setFocus();
}

QString LoginPage::errorText() const { return error_->text(); }

void LoginPage::submit() {
    if (!signIn_->isEnabled())
        return;
    const QString name = name_->text().trimmed(), password = password_->text();
    if (name.isEmpty() || password.isEmpty()) {
        // Colour is never the only signal: the message says what is wrong.
        error_->setText(tr("Error: enter your user name and password."));
        return;
    }
    signIn_->setEnabled(false);
    error_->setText(tr("Signing in…"));
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
        const Outcome o = watcher->result();
        watcher->deleteLater();
        signIn_->setEnabled(true);
        password_->clear();
        if (o.ok) {
            error_->clear();
            emit signedIn(o.actor);
        } else {
            error_->setText(tr("Error: %1").arg(o.error));
            password_->setFocus();
        }
    });
    watcher->setFuture(QtConcurrent::run([auth = authenticate_, name, password] {
        Outcome o;
        try {
            o.actor = auth(name, password);
            o.ok = true;
        } catch (const Error& e) {
            o.error = e.message();
        } catch (const std::exception& e) {
            o.error = QString::fromUtf8(e.what());
        }
        return o;
    }));
}

} // namespace umbral::ui
