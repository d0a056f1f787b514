#include "test_central_server.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

TestCentralServer::TestCentralServer(QObject* parent) : QObject(parent) {}

bool TestCentralServer::listen(const QSslConfiguration* tls) {
    if (tls) {
        auto* ssl = new QSslServer(this);
        ssl->setSslConfiguration(*tls);
        server_ = ssl;
        connect(ssl, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (server_->hasPendingConnections())
                onConnection(server_->nextPendingConnection());
        });
    } else {
        server_ = new QTcpServer(this);
        connect(server_, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (server_->hasPendingConnections())
                onConnection(server_->nextPendingConnection());
        });
    }
    return server_->listen(QHostAddress::LocalHost, 0);
}

quint16 TestCentralServer::port() const { return server_->serverPort(); }

TestCentralServer::Behaviour TestCentralServer::next() {
    if (script_.isEmpty())
        return Behaviour::Ok;
    const Behaviour b = script_[step_ % script_.size()];
    ++step_;
    return b;
}

void TestCentralServer::onConnection(QTcpSocket* socket) {
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        *buffer += socket->readAll();
        const int end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray headers = buffer->left(end);
        qsizetype length = 0;
        for (const QByteArray& line : headers.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer->size() < end + 4 + length)
            return;
        const QByteArray body = buffer->mid(end + 4, length);
        buffer->remove(0, end + 4 + length);
        handle(socket, headers, body);
    });
}

void TestCentralServer::handle(QTcpSocket* socket, const QByteArray& headers, const QByteArray& body) {
    ++requests;
    QString tcn;
    for (const QByteArray& line : headers.split('\n'))
        if (line.toLower().startsWith("x-umbral-tcn:"))
            tcn = QString::fromUtf8(line.mid(13).trimmed());
    auto store = [&] {
        if (stored.contains(tcn)) {
            ++duplicates;
            return false;
        }
        stored.insert(tcn, body);
        newRecords[tcn] += 1;
        return true;
    };
    auto reply = [socket](int status, const QByteArray& json) {
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
        const QByteArray reason = status == 200 ? "OK" : status == 409 ? "Conflict" : status == 500 ? "Internal Server Error" : "Bad Request";
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " " + reason + "\r\nContent-Type: application/json\r\n"
                      "Content-Length: " + QByteArray::number(json.size()) + "\r\nConnection: close\r\n\r\n" + json);
        socket->flush();
        socket->disconnectFromHost();
    };
    auto ack = [&](bool isNew) {
        return QJsonDocument(QJsonObject{{"tcn", tcn}, {"reference", "CENTRAL-" + tcn.right(6)},
                                         {"status", isNew ? "accepted" : "duplicate"}})
            .toJson(QJsonDocument::Compact);
    };
    switch (next()) {
    case Behaviour::Ok: {
        const bool isNew = store();
        reply(isNew ? 200 : 409, ack(isNew));
        break;
    }
    case Behaviour::Error500:
        reply(500, "{\"error\":\"busy\"}");
        break;
    case Behaviour::Drop:
        socket->abort();
        break;
    case Behaviour::StoreThenDrop:
        store();
        socket->abort();
        break;
    case Behaviour::Slow: {
        const bool isNew = store();
        const QByteArray json = ack(isNew);
        QTimer::singleShot(slowMs, socket, [reply, isNew, json] { reply(isNew ? 200 : 409, json); });
        break;
    }
    case Behaviour::Reject400:
        reply(400, "{\"error\":\"malformed transaction\"}");
        break;
    }
}
