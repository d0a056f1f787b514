#pragma once

// A stand-in for the central system on 127.0.0.1: a small HTTP/1.1 server (optionally TLS) that
// stores transactions by TCN and misbehaves on a script: slow replies, 500s, dropped
// connections, acknowledgments lost after storing, duplicate acknowledgments.
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

class TestCentralServer : public QObject {
    Q_OBJECT
public:
    enum class Behaviour {
        Ok,            ///< store (or recognise a duplicate) and acknowledge
        Error500,      ///< store nothing, HTTP 500
        Drop,          ///< store nothing, close the connection without an answer
        StoreThenDrop, ///< store, then close without an answer (the acknowledgment is lost)
        Slow,          ///< store, answer only after `slowMs` (the client has timed out by then)
        Reject400,     ///< store nothing, HTTP 400
    };

    explicit TestCentralServer(QObject* parent = nullptr);
    /// Listens on 127.0.0.1 (any free port); with `tls`, over TLS with that configuration.
    bool listen(const QSslConfiguration* tls = nullptr);
    quint16 port() const;
    void setScript(QList<Behaviour> script) { script_ = std::move(script); }
    int slowMs = 800;

    QHash<QString, QByteArray> stored;    ///< TCN -> transaction, first copy
    QHash<QString, int> newRecords;       ///< TCN -> how many times stored as NEW (must be 1)
    int requests = 0;
    int duplicates = 0;

private:
    void onConnection(QTcpSocket* socket);
    void handle(QTcpSocket* socket, const QByteArray& headers, const QByteArray& body);
    Behaviour next();

    QTcpServer* server_ = nullptr;
    QList<Behaviour> script_;
    int step_ = 0;
};
