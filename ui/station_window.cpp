#include "ui/station_window.h"

#include "ui/lock_page.h"
#include "ui/role_workspace.h"
#include "ui/settings_dialog.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace umbral::ui {

StationWindow::StationWindow(LoginPage::Authenticate authenticate, QString lane, bool demo, QWidget* parent)
    : QMainWindow(parent), authenticate_(std::move(authenticate)), lane_(std::move(lane)), demo_(demo) {
    setWindowTitle(demo ? tr("Umbral — %1 (DEMO)").arg(lane_) : tr("Umbral — %1").arg(lane_));
    stack_ = new QStackedWidget(this);
    makeLoginPage();
    lock_ = new LockPage(authenticate_, stack_);
    stack_->addWidget(lock_);
    setCentralWidget(stack_);
    if (demo) {
        demoBadge_ = new QLabel(tr("DEMO MODE — not for real travelers"), this);
        demoBadge_->setStyleSheet(QStringLiteral("font-weight: bold; padding: 2px 8px;"));
        statusBar()->addPermanentWidget(demoBadge_);
    }
    settingsButton_ = new QPushButton(tr("Settings [Ctrl+,]"), this);
    settingsButton_->setObjectName(QStringLiteral("openSettings"));
    settingsButton_->setFocusPolicy(Qt::TabFocus);
    statusBar()->addPermanentWidget(settingsButton_);
    connect(settingsButton_, &QPushButton::clicked, this, &StationWindow::openSettings);
    auto* settingsKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma), this);
    connect(settingsKey, &QShortcut::activated, this, &StationWindow::openSettings);
    auto* lockKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this);
    connect(lockKey, &QShortcut::activated, this, &StationWindow::lock);
    connect(lock_, &LockPage::unlocked, this, &StationWindow::unlock);
    connect(lock_, &LockPage::signOutRequested, this, &StationWindow::signOut);
    idle_ = new QTimer(this);
    idle_->setSingleShot(true);
    connect(idle_, &QTimer::timeout, this, &StationWindow::lock);
    resize(1024, 700);
    login_->reset();
}

void StationWindow::makeLoginPage() {
    auto* page = new LoginPage(authenticate_,
                               demo_ ? tr("Lane %1 · demo mode: simulated devices and demo data").arg(lane_)
                                     : tr("Lane %1").arg(lane_),
                               stack_);
    if (login_) {
        const bool current = stack_->currentWidget() == login_;
        stack_->insertWidget(stack_->indexOf(login_), page);
        stack_->removeWidget(login_);
        login_->deleteLater();
        login_ = page;
        if (current)
            stack_->setCurrentWidget(login_);
    } else {
        login_ = page;
        stack_->insertWidget(0, login_);
    }
    connect(login_, &LoginPage::signedIn, this, [this](const Actor& actor) { showWorkspace(actor); });
}

void StationWindow::setIdleLockSeconds(int seconds) {
    idle_->setInterval(seconds * 1000);
    qApp->removeEventFilter(this);
    if (seconds > 0)
        qApp->installEventFilter(this);
    if (seconds > 0 && workspace_ && !isLocked())
        idle_->start();
}

bool StationWindow::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        // Any input while signed in and unlocked restarts the idle time.
        if (workspace_ && !isLocked() && idle_->interval() > 0)
            idle_->start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

bool StationWindow::isLocked() const { return stack_->currentWidget() == lock_; }

void StationWindow::lock() {
    if (!workspace_ || isLocked())
        return;
    idle_->stop();
    lock_->lockFor(actor_);
    stack_->setCurrentWidget(lock_);
    statusBar()->showMessage(tr("Locked"));
    emit lockedChanged(true);
}

void StationWindow::unlock() {
    if (!workspace_)
        return;
    stack_->setCurrentWidget(workspace_);
    statusBar()->showMessage(tr("Signed in: %1 (%2)").arg(actor_.name, toKey(actor_.role)));
    if (idle_->interval() > 0)
        idle_->start();
    emit lockedChanged(false);
}

void StationWindow::showWorkspace(const Actor& actor, bool rebuilt) {
    if (workspace_) {
        stack_->removeWidget(workspace_);
        delete workspace_; // its screens save their work as they go
        workspace_ = nullptr;
    }
    actor_ = actor;
    workspace_ = new RoleWorkspace(actor, lane_, stack_);
    if (contentFactory_)
        if (QWidget* content = contentFactory_(actor, *this, rebuilt))
            workspace_->setContent(content);
    connect(workspace_, &RoleWorkspace::signOutRequested, this, &StationWindow::signOut);
    stack_->addWidget(workspace_);
    stack_->setCurrentWidget(workspace_);
    statusBar()->showMessage(tr("Signed in: %1 (%2)").arg(actor.name, toKey(actor.role)));
    if (idle_->interval() > 0)
        idle_->start();
    if (!rebuilt)
        emit actorChanged(actor);
}

void StationWindow::signOut() {
    idle_->stop();
    const bool wasLocked = isLocked();
    stack_->setCurrentWidget(login_);
    if (workspace_) {
        stack_->removeWidget(workspace_);
        delete workspace_;
        workspace_ = nullptr;
    }
    actor_ = Actor{};
    statusBar()->clearMessage();
    login_->reset();
    if (wasLocked)
        emit lockedChanged(false);
    emit actorChanged(Actor{});
}

void StationWindow::setUiSettings(const UiSettings& settings, std::function<void(const UiSettings&)> save) {
    uiSettings_ = settings;
    saveSettings_ = std::move(save);
}

void StationWindow::openSettings() {
    SettingsDialog dialog(uiSettings_, this);
    if (dialog.exec() == QDialog::Accepted)
        applyUiSettings(dialog.settings());
}

void StationWindow::applyUiSettings(const UiSettings& settings) {
    const bool languageChanged = settings.language != uiSettings_.language;
    uiSettings_ = settings;
    if (saveSettings_)
        saveSettings_(settings);
    applyStationStyle(settings.largeText);
    if (!languageChanged)
        return;
    installLanguage(settings.language);
    // Every screen is made again in the new language; the officer's encounter comes back from
    // its draft.
    setWindowTitle(demo_ ? tr("Umbral — %1 (DEMO)").arg(lane_) : tr("Umbral — %1").arg(lane_));
    if (demoBadge_)
        demoBadge_->setText(tr("DEMO MODE — not for real travelers"));
    settingsButton_->setText(tr("Settings [Ctrl+,]"));
    makeLoginPage();
    if (workspace_ && !isLocked())
        showWorkspace(actor_, true);
    else if (workspace_)
        lock_->lockFor(actor_);
    else
        login_->reset();
}

} // namespace umbral::ui
