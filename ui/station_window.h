#pragma once

#include "app/core/user.h"
#include "ui/login_page.h"
#include "ui/ui_settings.h"

#include <QMainWindow>
#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace umbral::ui {

class LockPage;
class RoleWorkspace;

/// The station's one window: the login page, then the signed-in user's workspace; the lock
/// page after inactivity; the settings (language, large text) from anywhere with Ctrl+,.
class StationWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Makes the screens of a signed-in user's role (nullptr: the placeholder). `rebuilt` is true
    /// when the workspace is made again for the same user (the language changed).
    using ContentFactory = std::function<QWidget*(const Actor& actor, StationWindow& window, bool rebuilt)>;

    StationWindow(LoginPage::Authenticate authenticate, QString lane, bool demo, QWidget* parent = nullptr);
    LoginPage* loginPage() const { return login_; }
    RoleWorkspace* workspace() const { return workspace_; }
    LockPage* lockPage() const { return lock_; }
    Actor actor() const { return actor_; }

    void setContentFactory(ContentFactory factory) { contentFactory_ = std::move(factory); }
    /// Locks after this much inactivity while someone is signed in (0: never).
    void setIdleLockSeconds(int seconds);
    /// The desktop settings and where to keep them when the officer changes them.
    void setUiSettings(const UiSettings& settings, std::function<void(const UiSettings&)> save);
    const UiSettings& uiSettings() const { return uiSettings_; }
    /// Applies new settings at once (language: the screens are made again in it).
    void applyUiSettings(const UiSettings& settings);
    bool isLocked() const;
    void lock();
    void openSettings();

signals:
    void actorChanged(const umbral::Actor& actor);
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showWorkspace(const Actor& actor, bool rebuilt = false);
    void signOut();
    void unlock();
    void makeLoginPage();

    LoginPage::Authenticate authenticate_;
    QString lane_;
    bool demo_;
    QStackedWidget* stack_;
    LoginPage* login_ = nullptr;
    RoleWorkspace* workspace_ = nullptr;
    LockPage* lock_;
    Actor actor_;
    ContentFactory contentFactory_;
    QTimer* idle_;
    QLabel* demoBadge_ = nullptr;
    QPushButton* settingsButton_ = nullptr;
    UiSettings uiSettings_;
    std::function<void(const UiSettings&)> saveSettings_;
};

} // namespace umbral::ui
