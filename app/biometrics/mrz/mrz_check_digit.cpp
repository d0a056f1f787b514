#include "app/biometrics/mrz/mrz_check_digit.h"

namespace umbral::biometrics {

bool isMrzCharacter(char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}

std::optional<int> mrzCharacterValue(char c) noexcept {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c == '<')
        return 0;
    return std::nullopt;
}

std::optional<int> mrzCheckDigit(std::string_view data) noexcept {
    static constexpr int kWeights[3] = {7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const std::optional<int> v = mrzCharacterValue(data[i]);
        if (!v)
            return std::nullopt;
        sum += *v * kWeights[i % 3];
    }
    return sum % 10;
}

} // namespace umbral::biometrics
