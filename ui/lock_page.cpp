#include "ui/lock_page.h"

#include "app/core/errors.h"
#include "ui/officer/ui_helpers.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace umbral::ui {

LockPage::LockPage(LoginPage::Authenticate authenticate, QWidget* parent)
    : QWidget(parent), authenticate_(std::move(authenticate)) {
    setObjectName(QStringLiteral("lockPage"));
    auto* title = makeHeading(tr("Station locked"), this, 2.0);
    title->setWordWrap(false);
    who_ = new QLabel(this);
    setScaledFont(who_, 1.3);
    password_ = new QLineEdit(this);
    password_->setObjectName(QStringLiteral("unlockPassword"));
    password_->setEchoMode(QLineEdit::Password);
    password_->setMaximumWidth(360);
    unlock_ = makeButton(tr("&Unlock"), QKeySequence(Qt::Key_Return), this);
    unlock_->setObjectName(QStringLiteral("unlock"));
    auto* signOut = new QPushButton(tr("Sign out (another officer)"), this);
    signOut->setObjectName(QStringLiteral("lockSignOut"));
    error_ = new QLabel(this);
    error_->setStyleSheet(QStringLiteral("color: #b01e1e; font-weight: bold;"));
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(password_);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(who_, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(passwordLabel, 0, Qt::AlignHCenter);
    layout->addWidget(password_, 0, Qt::AlignHCenter);
    layout->addWidget(unlock_, 0, Qt::AlignHCenter);
    layout->addWidget(error_, 0, Qt::AlignHCenter);
    layout->addWidget(signOut, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    connect(unlock_, &QPushButton::clicked, this, &LockPage::submit);
    connect(password_, &QLineEdit::returnPressed, this, &LockPage::submit);
    connect(signOut, &QPushButton::clicked, this, &LockPage::signOutRequested);
}

QString LockPage::errorText() const {
    return error_->text();
}

void LockPage::lockFor(const Actor& actor) {
    actor_ = actor;
    who_->setText(tr("Signed in: %1. The work in progress is kept. Enter the password to continue.")
                      .arg(actor.name));
    password_->clear();
    error_->clear();
    unlock_->setEnabled(true);
    password_->setFocus();
}

void LockPage::submit() {
    if (!unlock_->isEnabled() || password_->text().isEmpty())
        return;
    unlock_->setEnabled(false);
    const QString password = password_->text();
    password_->clear();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        unlock_->setEnabled(true);
        if (error.isEmpty())
            emit unlocked();
        else
            error_->setText(tr("\u2716 %1").arg(error));
    });
    // The password check is slow on purpose (Argon2id): never on the UI thread.
    watcher->setFuture(QtConcurrent::run([auth = authenticate_, name = actor_.name, password] {
        try {
            auth(name, password);
            return QString();
        } catch (const Error& e) {
            return e.message();
        } catch (const std::exception& e) {
            return QString::fromUtf8(e.what());
        }
    }));
}

} // namespace umbral::ui
