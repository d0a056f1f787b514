#include "app/sync/folder_transport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QSaveFile>

namespace umbral::sync {

FolderTransport::FolderTransport(QString folder, QObject* parent) : Transport(parent), folder_(std::move(folder)) {}

QString FolderTransport::describe() const { return QStringLiteral("folder ") + folder_; }

void FolderTransport::send(const QString& tcn, const QByteArray& transaction) {
    SendOutcome out;
    const QString file = QDir(folder_).filePath(tcn + QStringLiteral(".an2"));
    if (!QFileInfo(folder_).isDir()) {
        out.kind = SendOutcome::Kind::Transient;
        out.error = QStringLiteral("export folder %1 is not there (medium not mounted?)").arg(folder_);
    } else if (QFileInfo::exists(file)) {
        QFile existing(file);
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == transaction) {
            out.kind = SendOutcome::Kind::Acknowledged;
            out.reference = QStringLiteral("export:") + file;
        } else {
            out.kind = SendOutcome::Kind::Permanent;
            out.error = QStringLiteral("%1 exists with different content; not overwritten").arg(file);
        }
    } else {
        QSaveFile save(file);
        if (save.open(QIODevice::WriteOnly) && save.write(transaction) == transaction.size() && save.commit()) {
            out.kind = SendOutcome::Kind::Acknowledged;
            out.reference = QStringLiteral("export:") + file;
        } else {
            out.kind = SendOutcome::Kind::Transient;
            out.error = QStringLiteral("cannot write %1: %2").arg(file, save.errorString());
        }
    }
    // Asynchronous like every transport: the caller's state is consistent before it hears back.
    QMetaObject::invokeMethod(this, [this, tcn, out] { emit finished(tcn, out); }, Qt::QueuedConnection);
}

} // namespace umbral::sync
