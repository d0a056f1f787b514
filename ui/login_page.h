#pragma once

#include "app/core/user.h"

#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace umbral::ui {

/// The sign-in page. The password check (Argon2id, deliberately slow) runs off the UI thread
/// through the `authenticate` function; the page only shows progress and the outcome.
class LoginPage : public QWidget {
    Q_OBJECT
public:
    /// Returns the actor or throws umbral::Error with a message for the officer.
    using Authenticate = std::function<Actor(const QString& name, const QString& password)>;

    LoginPage(Authenticate authenticate, const QString& stationLine, QWidget* parent = nullptr);
    void reset();
    QString errorText() const;

signals:
    void signedIn(const umbral::Actor& actor);

private:
    void submit();

    Authenticate authenticate_;
    QLineEdit* name_;
    QLineEdit* password_;
    QPushButton* signIn_;
    QLabel* error_;
};

} // namespace umbral::ui
