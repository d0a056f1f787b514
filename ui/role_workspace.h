#pragma once

#include "app/core/user.h"

#include <QWidget>

class QVBoxLayout;

namespace umbral::ui {

/// The workspace of a signed-in user, by role: a compact header (role, user, lane, sign out)
/// over the role's screens (setContent). Without content it is a placeholder.
class RoleWorkspace : public QWidget {
    Q_OBJECT
public:
    RoleWorkspace(const Actor& actor, const QString& lane, QWidget* parent = nullptr);
    QString heading() const;
    /// Fills the workspace with the role's screens (the workspace takes ownership).
    void setContent(QWidget* content);
    QWidget* content() const { return content_; }
    /// Hides the header while a screen is shown full screen (the officer's result).
    void setHeaderVisible(bool visible);

signals:
    void signOutRequested();

private:
    QString heading_;
    QWidget* header_;
    QVBoxLayout* layout_;
    QWidget* placeholder_;
    QWidget* content_ = nullptr;
};

} // namespace umbral::ui
