#include "ui/role_workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace umbral::ui {

RoleWorkspace::RoleWorkspace(const Actor& actor, const QString& lane, QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("workspace"));
    switch (actor.role) {
    case Role::Officer:
        heading_ = tr("Officer workspace");
        break;
    case Role::Supervisor:
        heading_ = tr("Supervisor workspace");
        break;
    case Role::Administrator:
        heading_ = tr("Administrator workspace");
        break;
    }
    header_ = new QWidget(this);
    auto* title = new QLabel(heading_, header_);
    title->setObjectName(QStringLiteral("workspaceHeading"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    title->setFont(f);
    auto* who = new QLabel(tr("Signed in as %1 · %2").arg(actor.name, lane), header_);
    auto* signOut = new QPushButton(tr("Sign &out   [Ctrl+L]"), header_);
    signOut->setObjectName(QStringLiteral("signOut"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(signOut, &QPushButton::clicked, this, &RoleWorkspace::signOutRequested);
    auto* headerLayout = new QHBoxLayout(header_);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(title);
    headerLayout->addSpacing(16);
    headerLayout->addWidget(who);
    headerLayout->addStretch();
    headerLayout->addWidget(signOut);
    placeholder_ = new QWidget(this);
    layout_ = new QVBoxLayout(this);
    layout_->addWidget(header_);
    layout_->addWidget(placeholder_, 1);
}

QString RoleWorkspace::heading() const { return heading_; }

void RoleWorkspace::setContent(QWidget* content) {
    if (content_) {
        layout_->removeWidget(content_);
        content_->deleteLater();
    }
    content_ = content;
    placeholder_->setVisible(content == nullptr);
    if (content) {
        content->setParent(this);
        layout_->addWidget(content, 1);
    }
}

void RoleWorkspace::setHeaderVisible(bool visible) { header_->setVisible(visible); }

} // namespace umbral::ui
