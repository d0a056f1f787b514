#pragma once

#include "app/sync/transport.h"

namespace umbral::sync {

/// Export to a folder (removable media) for offline stations: each transaction becomes
/// `<TCN>.an2`, written atomically (temporary file, fsync, rename). The same bookkeeping as the
/// network: a file written whole is an acknowledgment ("export:<file>"); an existing file with
/// the same bytes is a duplicate acknowledgment; an existing file with other bytes, a missing or
/// read-only folder or a full medium is a failure that keeps the row.
class FolderTransport : public Transport {
    Q_OBJECT
public:
    FolderTransport(QString folder, QObject* parent = nullptr);
    void send(const QString& tcn, const QByteArray& transaction) override;
    QString describe() const override;

private:
    QString folder_;
};

} // namespace umbral::sync
