#include "ui/role_workspace.h"

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
    auto* title = new QLabel(heading_, this);
    title->setObjectName(QStringLiteral("workspaceHeading"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    auto* who = new QLabel(tr("Signed in as %1 · %2").arg(actor.name, lane), this);
    auto* signOut = new QPushButton(tr("Sign &out"), this);
    signOut->setObjectName(QStringLiteral("signOut"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(signOut, &QPushButton::clicked, this, &RoleWorkspace::signOutRequested);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(who);
    layout->addStretch();
    layout->addWidget(signOut, 0, Qt::AlignRight);
}

QString RoleWorkspace::heading() const { return heading_; }

void RoleWorkspace::setContent(QWidget* content) {
    auto* box = static_cast<QVBoxLayout*>(layout());
    // The placeholder's stretch (between the heading lines and "Sign out") makes way.
    for (int i = 0; i < box->count(); ++i)
        if (box->itemAt(i)->spacerItem()) {
            delete box->takeAt(i);
            break;
        }
    if (content_)
        content_->deleteLater();
    content_ = content;
    content_->setParent(this);
    box->insertWidget(2, content_, 1);
    content_->setFocus();
}

} // namespace umbral::ui
