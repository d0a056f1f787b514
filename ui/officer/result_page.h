#pragma once

#include "app/enrollment/submission.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace umbral::ui {

/// The full-screen result of screening: the band as a word and a symbol on its colour, the
/// instruction for the officer, the watchlist category and the alert number on a hit (never the
/// watchlist record). Red, and a screening that did not run, stay until acknowledged.
class ResultPage : public QWidget {
    Q_OBJECT

public:
    explicit ResultPage(QWidget* parent = nullptr);
    void showResult(const enrollment::SubmissionResult& result, bool acknowledged);
    QString bandText() const;
    QString instructionText() const;

Q_SIGNALS:
    void acknowledged();
    void nextTraveler();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitLabels();

    QLabel* band_;
    QLabel* instruction_;
    QLabel* details_;
    QLabel* reference_;
    QPushButton* acknowledge_;
    QPushButton* next_;
};

} // namespace umbral::ui
