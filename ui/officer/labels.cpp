#include "ui/officer/labels.h"

#include <QCoreApplication>

namespace umbral::ui {

QualityLevel qualityLevel(std::optional<int> score, int threshold) {
    if (!score)
        return QualityLevel::NotSeen;
    if (*score < threshold)
        return QualityLevel::Poor;
    if (*score < threshold + 20)
        return QualityLevel::Fair;
    return QualityLevel::Good;
}

QString qualityWord(QualityLevel level) {
    switch (level) {
    case QualityLevel::Good:
        return QCoreApplication::translate("Labels", "Good");
    case QualityLevel::Fair:
        return QCoreApplication::translate("Labels", "Fair");
    case QualityLevel::Poor:
        return QCoreApplication::translate("Labels", "Poor");
    case QualityLevel::NotSeen:
        break;
    }
    return QCoreApplication::translate("Labels", "Not seen");
}

QString qualitySymbol(QualityLevel level) {
    switch (level) {
    case QualityLevel::Good:
        return QStringLiteral("\u2714");
    case QualityLevel::Fair:
        return QStringLiteral("\u25B2");
    case QualityLevel::Poor:
        return QStringLiteral("\u2716");
    case QualityLevel::NotSeen:
        break;
    }
    return QStringLiteral("\u2013");
}

QColor qualityColour(QualityLevel level) {
    switch (level) {
    case QualityLevel::Good:
        return QColor(0x1b, 0x6e, 0x34);
    case QualityLevel::Fair:
        return QColor(0x9a, 0x5b, 0x00);
    case QualityLevel::Poor:
        return QColor(0xb0, 0x1e, 0x1e);
    case QualityLevel::NotSeen:
        break;
    }
    return QColor(0x55, 0x55, 0x55);
}

QString qualityLabel(std::optional<int> score, int threshold) {
    const QualityLevel level = qualityLevel(score, threshold);
    if (!score)
        return qualitySymbol(level) + QLatin1Char(' ') + qualityWord(level);
    return QStringLiteral("%1 %2 %3").arg(*score).arg(qualitySymbol(level), qualityWord(level));
}

QString adviceText(enrollment::Advice a) {
    using enrollment::Advice;
    switch (a) {
    case Advice::PlaceFinger:
        return QCoreApplication::translate("Labels", "Place the fingers on the glass");
    case Advice::PressHarder:
        return QCoreApplication::translate("Labels", "Press harder");
    case Advice::PressLighter:
        return QCoreApplication::translate("Labels", "Press more lightly");
    case Advice::FingerTooDry:
        return QCoreApplication::translate("Labels", "Fingers too dry: moisten them");
    case Advice::FingerTooWet:
        return QCoreApplication::translate("Labels", "Fingers too wet: dry them");
    case Advice::CentreFinger:
        return QCoreApplication::translate("Labels", "Centre the fingers on the glass");
    case Advice::HoldStill:
        return QCoreApplication::translate("Labels", "Hold still");
    case Advice::PlaceAgain:
        return QCoreApplication::translate("Labels", "Lift and place again");
    case Advice::OpenEyesWider:
        return QCoreApplication::translate("Labels", "Open your eyes wider");
    case Advice::LookAtCamera:
        return QCoreApplication::translate("Labels", "Look at the camera");
    case Advice::ComeCloser:
        return QCoreApplication::translate("Labels", "Come closer");
    case Advice::MoveBack:
        return QCoreApplication::translate("Labels", "Move back a little");
    case Advice::CentreEye:
        return QCoreApplication::translate("Labels", "Centre your eye in the frame");
    case Advice::CheckIllumination:
        return QCoreApplication::translate("Labels", "Officer: check the lighting");
    }
    return {};
}

QString fingerName(FingerPosition f) {
    switch (f) {
    case FingerPosition::RightThumb:
        return QCoreApplication::translate("Labels", "Right thumb");
    case FingerPosition::RightIndex:
        return QCoreApplication::translate("Labels", "Right index");
    case FingerPosition::RightMiddle:
        return QCoreApplication::translate("Labels", "Right middle");
    case FingerPosition::RightRing:
        return QCoreApplication::translate("Labels", "Right ring");
    case FingerPosition::RightLittle:
        return QCoreApplication::translate("Labels", "Right little");
    case FingerPosition::LeftThumb:
        return QCoreApplication::translate("Labels", "Left thumb");
    case FingerPosition::LeftIndex:
        return QCoreApplication::translate("Labels", "Left index");
    case FingerPosition::LeftMiddle:
        return QCoreApplication::translate("Labels", "Left middle");
    case FingerPosition::LeftRing:
        return QCoreApplication::translate("Labels", "Left ring");
    case FingerPosition::LeftLittle:
        return QCoreApplication::translate("Labels", "Left little");
    case FingerPosition::PlainRightFour:
        return QCoreApplication::translate("Labels", "Right hand, four fingers");
    case FingerPosition::PlainLeftFour:
        return QCoreApplication::translate("Labels", "Left hand, four fingers");
    case FingerPosition::PlainThumbs:
        return QCoreApplication::translate("Labels", "Both thumbs");
    case FingerPosition::Unknown:
        break;
    }
    return QCoreApplication::translate("Labels", "Unknown finger");
}

QString irisName(IrisSide side) {
    return side == IrisSide::Left ? QCoreApplication::translate("Labels", "Left eye")
                                  : QCoreApplication::translate("Labels", "Right eye");
}

QString exceptionName(CaptureException e) {
    switch (e) {
    case CaptureException::Amputated:
        return QCoreApplication::translate("Labels", "Amputated");
    case CaptureException::Bandaged:
        return QCoreApplication::translate("Labels", "Bandaged");
    case CaptureException::UnableToPrint:
        return QCoreApplication::translate("Labels", "Unable to capture");
    case CaptureException::Refused:
        return QCoreApplication::translate("Labels", "Refused");
    case CaptureException::Other:
        return QCoreApplication::translate("Labels", "Other");
    case CaptureException::None:
        break;
    }
    return QCoreApplication::translate("Labels", "None");
}

QString stepName(enrollment::EncounterStep step) {
    using enrollment::EncounterStep;
    switch (step) {
    case EncounterStep::Document:
        return QCoreApplication::translate("Labels", "Document");
    case EncounterStep::Fingerprints:
        return QCoreApplication::translate("Labels", "Fingerprints");
    case EncounterStep::Irises:
        return QCoreApplication::translate("Labels", "Irises");
    case EncounterStep::Review:
        return QCoreApplication::translate("Labels", "Review");
    case EncounterStep::Submit:
        return QCoreApplication::translate("Labels", "Submit");
    case EncounterStep::Result:
        return QCoreApplication::translate("Labels", "Result");
    }
    return {};
}

QString bandWord(Band band) {
    switch (band) {
    case Band::Green:
        return QCoreApplication::translate("Labels", "GREEN");
    case Band::Yellow:
        return QCoreApplication::translate("Labels", "YELLOW");
    case Band::Red:
        return QCoreApplication::translate("Labels", "RED");
    case Band::Pending:
        break;
    }
    return QCoreApplication::translate("Labels", "NOT SCREENED");
}

QString categoryName(WatchlistCategory c) {
    switch (c) {
    case WatchlistCategory::KnownOrSuspectedTerrorist:
        return QCoreApplication::translate("Labels", "Known or suspected terrorist");
    case WatchlistCategory::CriminalWarrant:
        return QCoreApplication::translate("Labels", "Criminal warrant");
    case WatchlistCategory::ImmigrationViolation:
        return QCoreApplication::translate("Labels", "Immigration violation");
    case WatchlistCategory::Other:
        break;
    }
    return QCoreApplication::translate("Labels", "Other watchlist entry");
}

QString slotName(const QString& key) {
    if (key.startsWith(QLatin1String("iris:")))
        return irisName(parseIrisSide(key.mid(5)).value_or(IrisSide::Right));
    return fingerName(fingerPositionFromKey(key.mid(7)).value_or(FingerPosition::Unknown));
}

} // namespace umbral::ui
