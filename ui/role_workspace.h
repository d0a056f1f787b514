#pragma once

#include "app/core/user.h"

#include <QWidget>

namespace umbral::ui {

/// The workspace of a signed-in user, by role. The officer, supervisor and administrator
/// workspaces grow in their own issues; this one proves the wiring from login to role.
class RoleWorkspace : public QWidget {
    Q_OBJECT
public:
    RoleWorkspace(const Actor& actor, const QString& lane, QWidget* parent = nullptr);
    QString heading() const;
    /// Puts the role's own workspace below the heading (takes ownership).
    void setContent(QWidget* content);
    QWidget* content() const { return content_; }

signals:
    void signOutRequested();

private:
    QString heading_;
    QWidget* content_ = nullptr;
};

} // namespace umbral::ui
