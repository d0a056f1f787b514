#pragma once

#include "app/enrollment/encounter_workflow.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace umbral::ui {

/// The Review step: the document in one line, every finger and eye as a thumbnail with its
/// score (or its exception and reason), the warnings, what still blocks submission, and the
/// submit button. Enter on a thumbnail goes back to that capture.
class ReviewPage : public QWidget {
    Q_OBJECT

public:
    ReviewPage(int fingerThreshold, int irisThreshold, QWidget* parent = nullptr);
    void bind(enrollment::EncounterWorkflow* workflow);
    QListWidget* thumbnails() const { return list_; }
    QString blockingText() const;

Q_SIGNALS:
    void openSlot(const QString& slotKey);
    void submitRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void loadThumbnails();

    int fingerThreshold_;
    int irisThreshold_;
    QPointer<enrollment::EncounterWorkflow> workflow_;
    QLabel* document_;
    QListWidget* list_;
    QLabel* warnings_;
    QLabel* blocking_;
    QPushButton* submit_;
    quint64 thumbnailRun_ = 0;
    bool stale_ = false;                     ///< changed while hidden: refreshed when shown
    QHash<QString, QByteArray> iconSources_; // slot -> image bytes the icon was made from
};

} // namespace umbral::ui
