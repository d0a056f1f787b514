#include "app/enrollment/encounter_workflow.h"

#include "app/core/errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace umbral::enrollment {

namespace {

constexpr int kDraftVersion = 1;

QString iso(const QDateTime& t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
QDateTime fromIso(const QString& s) {
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (t.isValid())
        t.setTimeSpec(Qt::UTC);
    return t;
}

QJsonObject travelerJson(const Traveler& t) {
    return {{"surname", t.surname},
            {"given", t.givenNames},
            {"dob", t.dateOfBirth},
            {"sex", t.sex},
            {"nationality", t.nationality},
            {"code", t.document.documentCode},
            {"issuer", t.document.issuingState},
            {"number", t.document.number},
            {"docNationality", t.document.nationality},
            {"expiry", t.document.expiry}};
}

Traveler travelerFromJson(const QJsonObject& o) {
    Traveler t;
    t.surname = o.value("surname").toString();
    t.givenNames = o.value("given").toString();
    t.dateOfBirth = o.value("dob").toString();
    t.sex = o.value("sex").toString();
    t.nationality = o.value("nationality").toString();
    t.document.documentCode = o.value("code").toString();
    t.document.issuingState = o.value("issuer").toString();
    t.document.number = o.value("number").toString();
    t.document.nationality = o.value("docNationality").toString();
    t.document.expiry = o.value("expiry").toString();
    return t;
}

QJsonObject captureJson(const Capture& c) {
    return {{"modality", toKey(c.modality)},
            {"finger", int(c.finger)},
            {"iris", int(c.iris)},
            {"width", c.width},
            {"height", c.height},
            {"ppi", c.ppi},
            {"quality", c.quality},
            {"device", c.deviceId},
            {"at", iso(c.capturedAt)},
            {"png", QString::fromLatin1(c.image.toBase64())}};
}

Capture captureFromJson(const QJsonObject& o) {
    Capture c;
    c.modality =
        o.value("modality").toString() == QLatin1String("iris") ? Modality::Iris : Modality::Finger;
    c.finger = static_cast<FingerPosition>(o.value("finger").toInt());
    c.iris = static_cast<IrisSide>(o.value("iris").toInt());
    c.width = o.value("width").toInt();
    c.height = o.value("height").toInt();
    c.ppi = o.value("ppi").toInt();
    c.quality = o.value("quality").toInt(-1);
    c.deviceId = o.value("device").toString();
    c.capturedAt = fromIso(o.value("at").toString());
    c.image = QByteArray::fromBase64(o.value("png").toString().toLatin1());
    return c;
}

Error corrupt(const QString& what) {
    return Error(ErrorCode::CorruptData,
                 QStringLiteral("the saved encounter cannot be resumed: %1").arg(what));
}

} // namespace

EncounterWorkflow::EncounterWorkflow(CapturePlan fingerPlan, QObject* parent)
    : QObject(parent), encounterId_(Encounter::newId()),
      startedAt_(QDateTime::currentDateTimeUtc()), plan_(std::move(fingerPlan)) {}

EncounterWorkflow::~EncounterWorkflow() = default;

// ---- steps ---------------------------------------------------------------------------------

bool EncounterWorkflow::canEnter(EncounterStep target) const {
    return whyNot(target).isEmpty();
}

QString EncounterWorkflow::whyNot(EncounterStep target) const {
    if (target == step_)
        return {};
    if (step_ == EncounterStep::Result)
        return QStringLiteral("the encounter has been submitted");
    if (step_ == EncounterStep::Submit)
        return QStringLiteral("the encounter is being submitted");
    switch (target) {
    case EncounterStep::Document:
        return {};
    case EncounterStep::Fingerprints:
    case EncounterStep::Irises:
    case EncounterStep::Review:
        if (!documentComplete()) {
            const QStringList missing = document_.missingFields();
            return missing.isEmpty()
                       ? QStringLiteral("the document needs the officer's confirmation")
                       : QStringLiteral("the document lacks: %1")
                             .arg(missing.join(QStringLiteral(", ")));
        }
        return {};
    case EncounterStep::Submit: {
        if (!documentComplete())
            return QStringLiteral("the document is not complete");
        QStringList open;
        for (int i = 0; i < plan_.size(); ++i)
            for (FingerPosition f : openFingers(i))
                open << toKey(f);
        for (IrisSide side : {IrisSide::Right, IrisSide::Left})
            if (!captures_.isDone(slotKey(side)))
                open << QStringLiteral("%1 iris").arg(toKey(side));
        if (plan_.isEmpty())
            for (FingerPosition f : allSingleFingers())
                if (!captures_.isDone(slotKey(f)))
                    open << toKey(f);
        if (!open.isEmpty())
            return QStringLiteral("neither capture nor exception for: %1")
                .arg(open.join(QStringLiteral(", ")));
        return {};
    }
    case EncounterStep::Result:
        return QStringLiteral("the result follows a submission");
    }
    return {};
}

bool EncounterWorkflow::goTo(EncounterStep target) {
    if (target == step_ || target == EncounterStep::Submit || target == EncounterStep::Result ||
        !canEnter(target))
        return false;
    setStep(target);
    return true;
}

bool EncounterWorkflow::next() {
    switch (step_) {
    case EncounterStep::Document:
        return goTo(EncounterStep::Fingerprints);
    case EncounterStep::Fingerprints:
        return goTo(EncounterStep::Irises);
    case EncounterStep::Irises:
        return goTo(EncounterStep::Review);
    case EncounterStep::Review:
        return beginSubmit();
    case EncounterStep::Submit:
    case EncounterStep::Result:
        return false;
    }
    return false;
}

bool EncounterWorkflow::back() {
    switch (step_) {
    case EncounterStep::Fingerprints:
        return goTo(EncounterStep::Document);
    case EncounterStep::Irises:
        return goTo(EncounterStep::Fingerprints);
    case EncounterStep::Review:
        return goTo(EncounterStep::Irises);
    default:
        return false;
    }
}

void EncounterWorkflow::setStep(EncounterStep step) {
    step_ = step;
    emit stepChanged(step);
    touch();
}

void EncounterWorkflow::touch() {
    emit changed();
}

// ---- document ------------------------------------------------------------------------------

DocumentEntry::MrzState EncounterWorkflow::setMrz(const QString& text, const QDate& today) {
    const auto state = document_.setMrz(text, today);
    touch();
    return state;
}

void EncounterWorkflow::setTraveler(const Traveler& traveler) {
    document_.setTraveler(traveler);
    touch();
}

void EncounterWorkflow::confirmDocument(bool confirmed) {
    document_.confirmChecked(confirmed);
    touch();
}

// ---- fingerprints --------------------------------------------------------------------------

void EncounterWorkflow::setFingerPlan(const CapturePlan& plan) {
    if (plan == plan_)
        return;
    plan_ = plan;
    impression_ = nextOpenImpression(0).value_or(0);
    touch();
}

void EncounterWorkflow::selectImpression(int index) {
    if (index < 0 || index >= plan_.size() || index == impression_)
        return;
    impression_ = index;
    touch();
}

std::vector<FingerPosition> EncounterWorkflow::presentedFingers(int impression) const {
    std::vector<FingerPosition> out;
    if (impression < 0 || impression >= plan_.size())
        return out;
    for (FingerPosition f : plan_.at(impression).fingers)
        if (!captures_.slot(slotKey(f)).hasException())
            out.push_back(f);
    return out;
}

std::vector<FingerPosition> EncounterWorkflow::openFingers(int impression) const {
    std::vector<FingerPosition> out;
    if (impression < 0 || impression >= plan_.size())
        return out;
    for (FingerPosition f : plan_.at(impression).fingers)
        if (!captures_.isDone(slotKey(f)))
            out.push_back(f);
    return out;
}

std::optional<int> EncounterWorkflow::nextOpenImpression(int from) const {
    const int n = plan_.size();
    for (int k = 0; k < n; ++k) {
        const int i = ((from % n) + n + k) % n;
        if (!openFingers(i).empty())
            return i;
    }
    return std::nullopt;
}

std::vector<QString> EncounterWorkflow::offerFingerprints(const std::vector<Capture>& captures) {
    std::vector<QString> kept;
    for (const Capture& c : captures) {
        if (c.modality != Modality::Finger)
            throw Error(ErrorCode::InvalidInput,
                        QStringLiteral("an iris capture offered as a fingerprint"));
        if (captures_.offer(c)) {
            kept.push_back(c.slotKey());
            dropWarningsFor(c.slotKey());
        }
    }
    if (openFingers(impression_).empty())
        if (const auto next = nextOpenImpression(impression_ + 1))
            impression_ = *next;
    touch();
    return kept;
}

bool EncounterWorkflow::fingerprintsComplete() const {
    for (FingerPosition f : allSingleFingers())
        if (!captures_.isDone(slotKey(f)))
            return false;
    return true;
}

// ---- irises --------------------------------------------------------------------------------

void EncounterWorkflow::selectIris(IrisSide side) {
    if (side == iris_ || side == IrisSide::Undefined)
        return;
    iris_ = side;
    touch();
}

std::vector<QString> EncounterWorkflow::offerIrises(const std::vector<Capture>& captures) {
    std::vector<QString> kept;
    for (const Capture& c : captures) {
        if (c.modality != Modality::Iris || c.iris == IrisSide::Undefined)
            throw Error(ErrorCode::InvalidInput, QStringLiteral("an iris capture needs its eye"));
        if (captures_.offer(c))
            kept.push_back(c.slotKey());
    }
    const IrisSide other = iris_ == IrisSide::Right ? IrisSide::Left : IrisSide::Right;
    if (captures_.isDone(slotKey(iris_)) && !captures_.isDone(slotKey(other)))
        iris_ = other;
    touch();
    return kept;
}

bool EncounterWorkflow::irisesComplete() const {
    return captures_.isDone(slotKey(IrisSide::Right)) && captures_.isDone(slotKey(IrisSide::Left));
}

// ---- exceptions and warnings ---------------------------------------------------------------

void EncounterWorkflow::setException(const QString& slot, CaptureException exception,
                                     const QString& reason) {
    captures_.setException(slot, exception, reason);
    dropWarningsFor(slot);
    if (step_ == EncounterStep::Fingerprints && openFingers(impression_).empty())
        if (const auto next = nextOpenImpression(impression_ + 1))
            impression_ = *next;
    touch();
}

void EncounterWorkflow::clearException(const QString& slot) {
    captures_.clearException(slot);
    touch();
}

void EncounterWorkflow::setWarnings(CaptureWarning::Kind kind,
                                    std::vector<CaptureWarning> warnings) {
    warnings_.erase(std::remove_if(warnings_.begin(), warnings_.end(),
                                   [kind](const CaptureWarning& w) { return w.kind == kind; }),
                    warnings_.end());
    for (CaptureWarning& w : warnings)
        if (w.kind == kind)
            warnings_.push_back(std::move(w));
    touch();
}

void EncounterWorkflow::dropWarningsFor(const QString& slot) {
    warnings_.erase(
        std::remove_if(warnings_.begin(), warnings_.end(),
                       [&](const CaptureWarning& w) { return w.slotKeys.contains(slot); }),
        warnings_.end());
}

// ---- submission ----------------------------------------------------------------------------

Encounter EncounterWorkflow::buildEncounter(const QString& lane) const {
    Encounter e;
    e.id = encounterId_;
    e.lane = lane;
    e.createdAt = startedAt_;
    e.traveler = document_.traveler();
    e.captures = captures_.toCaptures();
    return e;
}

bool EncounterWorkflow::beginSubmit() {
    if (step_ != EncounterStep::Review || !canEnter(EncounterStep::Submit))
        return false;
    submitError_.clear();
    setStep(EncounterStep::Submit);
    return true;
}

void EncounterWorkflow::submitFailed(const QString& reason) {
    if (step_ != EncounterStep::Submit)
        return;
    submitError_ = reason;
    setStep(EncounterStep::Review);
}

void EncounterWorkflow::submitted(const SubmissionResult& result) {
    if (step_ != EncounterStep::Submit)
        return;
    result_ = result;
    acknowledged_ = false;
    setStep(EncounterStep::Result);
}

bool EncounterWorkflow::needsAcknowledgement() const {
    // Red, and a screening that failed, stay until the officer confirms calling the supervisor.
    return result_ && !acknowledged_ &&
           (result_->screening.band == Band::Red || !result_->screening.error.isEmpty() ||
            (result_->screening.band == Band::Pending && result_->screening.screened));
}

void EncounterWorkflow::acknowledgeResult() {
    if (!result_ || acknowledged_)
        return;
    acknowledged_ = true;
    touch();
}

// ---- drafts --------------------------------------------------------------------------------

bool EncounterWorkflow::isPristine() const {
    return document_.mrzState() == DocumentEntry::MrzState::Empty &&
           document_.traveler().surname.isEmpty() &&
           document_.traveler().document.number.isEmpty() && captures_.keys().empty();
}

EncounterWorkflow::DraftState EncounterWorkflow::snapshot() const {
    DraftState d;
    d.encounterId = encounterId_;
    d.startedAt = startedAt_;
    // A draft taken during Submit resumes in Review: whether the interrupted submission landed
    // is for the caller to find out (the encounter id stays the same, so it cannot land twice).
    d.step = step_ == EncounterStep::Submit ? EncounterStep::Review : step_;
    d.mrzText = document_.mrzText();
    d.traveler = document_.traveler();
    d.confirmed = document_.isConfirmed();
    d.plan = plan_;
    d.impression = impression_;
    d.iris = iris_;
    for (const QString& key : captures_.keys())
        d.slotStates.emplace_back(key, captures_.slot(key));
    d.warnings = warnings_;
    return d;
}

QByteArray EncounterWorkflow::encodeDraft(const DraftState& d) {
    QJsonArray plan;
    for (const PlannedImpression& p : d.plan.impressions()) {
        QJsonArray fingers;
        for (FingerPosition f : p.fingers)
            fingers.append(int(f));
        plan.append(QJsonObject{{"impression", int(p.impression)}, {"fingers", fingers}});
    }
    QJsonArray slotArray;
    for (const auto& [key, s] : d.slotStates) {
        QJsonObject o{{"slot", key}, {"attempts", s.attempts}};
        if (s.hasException())
            o.insert("exception", QJsonObject{{"kind", toKey(s.exception)},
                                              {"reason", s.exceptionReason},
                                              {"at", iso(s.exceptionAt)}});
        if (s.best)
            o.insert("best", captureJson(*s.best));
        slotArray.append(o);
    }
    QJsonArray warnings;
    for (const CaptureWarning& w : d.warnings)
        warnings.append(QJsonObject{{"kind", toKey(w.kind)},
                                    {"slots", QJsonArray::fromStringList(w.slotKeys)}});
    const QJsonObject root{{"version", kDraftVersion},
                           {"encounterId", d.encounterId},
                           {"startedAt", iso(d.startedAt)},
                           {"step", toKey(d.step)},
                           {"mrz", d.mrzText},
                           {"traveler", travelerJson(d.traveler)},
                           {"confirmed", d.confirmed},
                           {"plan", plan},
                           {"impression", d.impression},
                           {"iris", toKey(d.iris)},
                           {"slots", slotArray},
                           {"warnings", warnings}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::unique_ptr<EncounterWorkflow>
EncounterWorkflow::fromDraft(const QByteArray& draft, const QDate& today, QObject* parent) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(draft, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw corrupt(QStringLiteral("not a draft (%1)").arg(error.errorString()));
    const QJsonObject root = doc.object();
    if (root.value("version").toInt() != kDraftVersion)
        throw corrupt(
            QStringLiteral("draft version %1 is not known").arg(root.value("version").toInt()));
    const auto step = parseEncounterStep(root.value("step").toString());
    const QString id = root.value("encounterId").toString();
    if (!step || id.isEmpty())
        throw corrupt(QStringLiteral("the step or the encounter id is missing"));

    std::vector<PlannedImpression> impressions;
    for (const QJsonValue& v : root.value("plan").toArray()) {
        PlannedImpression p;
        p.impression = static_cast<FingerPosition>(v.toObject().value("impression").toInt());
        for (const QJsonValue& f : v.toObject().value("fingers").toArray())
            p.fingers.push_back(static_cast<FingerPosition>(f.toInt()));
        impressions.push_back(std::move(p));
    }
    auto w = std::make_unique<EncounterWorkflow>(CapturePlan(std::move(impressions)), parent);
    w->encounterId_ = id;
    w->startedAt_ = fromIso(root.value("startedAt").toString());
    w->document_.restore(root.value("mrz").toString(), today,
                         travelerFromJson(root.value("traveler").toObject()),
                         root.value("confirmed").toBool());
    for (const QJsonValue& v : root.value("slots").toArray()) {
        const QJsonObject o = v.toObject();
        CaptureSlot s;
        s.attempts = o.value("attempts").toInt();
        if (o.contains("exception")) {
            const QJsonObject e = o.value("exception").toObject();
            s.exception =
                parseCaptureException(e.value("kind").toString()).value_or(CaptureException::Other);
            s.exceptionReason = e.value("reason").toString();
            s.exceptionAt = fromIso(e.value("at").toString());
        }
        if (o.contains("best")) {
            s.best = captureFromJson(o.value("best").toObject());
            if (s.best->image.isEmpty())
                throw corrupt(
                    QStringLiteral("the image of %1 is missing").arg(o.value("slot").toString()));
        }
        w->captures_.restore(o.value("slot").toString(), std::move(s));
    }
    for (const QJsonValue& v : root.value("warnings").toArray()) {
        const QJsonObject o = v.toObject();
        CaptureWarning warning;
        warning.kind = o.value("kind").toString() == QLatin1String("hands-swapped")
                           ? CaptureWarning::Kind::HandsSwapped
                           : CaptureWarning::Kind::SameFingerTwice;
        for (const QJsonValue& s : o.value("slots").toArray())
            warning.slotKeys << s.toString();
        w->warnings_.push_back(std::move(warning));
    }
    w->impression_ =
        std::clamp(root.value("impression").toInt(), 0, std::max(0, w->plan_.size() - 1));
    w->iris_ = parseIrisSide(root.value("iris").toString()).value_or(IrisSide::Right);
    // Resume where the officer was, unless the restored state does not allow that step.
    const EncounterStep target = *step == EncounterStep::Result ? EncounterStep::Review : *step;
    w->step_ = EncounterStep::Document;
    if (w->canEnter(target))
        w->step_ = target;
    return w;
}

} // namespace umbral::enrollment
