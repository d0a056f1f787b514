#include "app/sync/http_transport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace umbral::sync {

HttpTransport::HttpTransport(const SyncConfig& config, QObject* parent)
    : Transport(parent), config_(config), endpoint_(config.endpoint), network_(new QNetworkAccessManager(this)) {
    // Keep connections short-lived: a dropped connection must not poison the next request.
    network_->setAutoDeleteReplies(false);
}

QString HttpTransport::describe() const { return endpoint_.toString(QUrl::RemoveUserInfo); }

void HttpTransport::send(const QString& tcn, const QByteArray& transaction) {
    QNetworkRequest request(endpoint_);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/vnd.ansi-nist-itl"));
    request.setRawHeader("X-Umbral-TCN", tcn.toUtf8());
    request.setTransferTimeout(int(config_.requestTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!config_.caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        auto cas = ssl.caCertificates();
        cas += QSslCertificate::fromPath(config_.caFile);
        ssl.setCaCertificates(cas);
        request.setSslConfiguration(ssl);
    }
    QNetworkReply* reply = network_->post(request, transaction);
    connect(reply, &QNetworkReply::finished, this, [this, reply, tcn] {
        reply->deleteLater();
        SendOutcome out;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            out.kind = SendOutcome::Kind::Transient;
            out.error = QStringLiteral("network: %1").arg(reply->errorString());
        } else if (status == 200 || status == 201 || status == 202 || status == 409) {
            const QJsonObject ack = QJsonDocument::fromJson(body).object();
            if (ack.value(QStringLiteral("tcn")).toString() != tcn) {
                out.kind = SendOutcome::Kind::Transient;
                out.error = QStringLiteral("HTTP %1 without an acknowledgment of this TCN").arg(status);
            } else {
                out.kind = SendOutcome::Kind::Acknowledged;
                out.reference = ack.value(QStringLiteral("reference")).toString();
            }
        } else if (status >= 500 || status == 408 || status == 429) {
            out.kind = SendOutcome::Kind::Transient;
            out.error = QStringLiteral("HTTP %1").arg(status);
        } else {
            out.kind = SendOutcome::Kind::Permanent;
            out.error = QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(200)).simplified());
        }
        emit finished(tcn, out);
    });
}

} // namespace umbral::sync
