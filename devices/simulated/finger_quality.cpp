#include "devices/simulated/finger_synthesis.h"

#include <stdexcept>

namespace umbral::devices {

FingerQuality FingerQuality::profile(const std::string& name) {
    FingerQuality q;
    if (name == "good")
        return q;
    if (name == "light") {
        q.pressure = 0.12;
        q.contact = 0.85;
    } else if (name == "heavy") {
        q.pressure = 0.95;
    } else if (name == "dry") {
        q.dryness = 0.7;
        q.pressure = 0.4;
    } else if (name == "wet") {
        q.wetness = 0.7;
        q.pressure = 0.7;
    } else if (name == "blurred") {
        q.blur = 0.8;
    } else if (name == "moving") {
        q.motion = 0.7;
    } else if (name == "partial") {
        q.contact = 0.45;
    } else if (name == "noisy") {
        q.noise = 0.8;
    } else if (name == "poor") {
        q.pressure = 0.3;
        q.dryness = 0.45;
        q.noise = 0.5;
        q.blur = 0.35;
        q.contrast = 0.6;
        q.contact = 0.7;
    } else {
        throw std::invalid_argument("finger synthesis: unknown quality profile '" + name + "'");
    }
    return q;
}

std::vector<std::string> FingerQuality::profileNames() {
    return {"good",    "light",  "heavy",   "dry",   "wet",
            "blurred", "moving", "partial", "noisy", "poor"};
}

FingerQuality FingerQuality::blend(const FingerQuality& a, const FingerQuality& b, double t) {
    auto mix = [t](double x, double y) { return x + (y - x) * t; };
    FingerQuality q;
    q.pressure = mix(a.pressure, b.pressure);
    q.dryness = mix(a.dryness, b.dryness);
    q.wetness = mix(a.wetness, b.wetness);
    q.noise = mix(a.noise, b.noise);
    q.blur = mix(a.blur, b.blur);
    q.motion = mix(a.motion, b.motion);
    q.contact = mix(a.contact, b.contact);
    q.contrast = mix(a.contrast, b.contrast);
    q.distortion = mix(a.distortion, b.distortion);
    return q;
}

} // namespace umbral::devices
