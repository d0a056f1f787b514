#pragma once

#include "app/sync/sync_config.h"
#include "app/sync/transport.h"

#include <QUrl>

class QNetworkAccessManager;

namespace umbral::sync {

/// HTTPS POST of a transaction to the central system (Qt Network). The request carries the
/// transaction control number in `X-Umbral-TCN`; the central system answers 200/201/202 (stored)
/// or 409 (already stored) with a JSON body {"tcn": "...", "reference": "..."}. An answer that
/// does not name the same TCN is not an acknowledgment. See docs/sync.md for the protocol.
class HttpTransport : public Transport {
    Q_OBJECT
public:
    HttpTransport(const SyncConfig& config, QObject* parent = nullptr);
    void send(const QString& tcn, const QByteArray& transaction) override;
    QString describe() const override;

private:
    SyncConfig config_;
    QUrl endpoint_;
    QNetworkAccessManager* network_;
};

} // namespace umbral::sync
