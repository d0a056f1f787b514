#include "app/interchange/an2k_record.h"

#include <algorithm>
#include <cstdio>

namespace umbral::interchange {

Field Field::fromItems(int number, const std::vector<std::vector<std::string>>& subfields) {
    Field f{number, {}};
    for (std::size_t s = 0; s < subfields.size(); ++s) {
        if (s > 0)
            f.value.push_back(kRecordSeparator);
        for (std::size_t i = 0; i < subfields[s].size(); ++i) {
            if (i > 0)
                f.value.push_back(kUnitSeparator);
            f.value += subfields[s][i];
        }
    }
    return f;
}

std::vector<std::vector<std::string>> Field::subfields() const {
    std::vector<std::vector<std::string>> out(1, std::vector<std::string>(1));
    for (char c : value) {
        if (c == kRecordSeparator)
            out.emplace_back(1);
        else if (c == kUnitSeparator)
            out.back().emplace_back();
        else
            out.back().back().push_back(c);
    }
    return out;
}

std::string Field::item(std::size_t subfield, std::size_t itemIndex) const {
    const auto all = subfields();
    if (subfield >= all.size() || itemIndex >= all[subfield].size())
        return {};
    return all[subfield][itemIndex];
}

bool isBinaryRecordType(int type) {
    return type >= 3 && type <= 8;
}

const Field* Record::find(int number) const {
    const auto it = std::find_if(fields.begin(), fields.end(),
                                 [number](const Field& f) { return f.number == number; });
    return it == fields.end() ? nullptr : &*it;
}

std::string Record::text(int number) const {
    const Field* f = find(number);
    return f ? f->value : std::string();
}

void Record::set(Field field) {
    for (Field& f : fields)
        if (f.number == field.number) {
            f.value = std::move(field.value);
            return;
        }
    const auto at = std::find_if(fields.begin(), fields.end(),
                                 [&](const Field& f) { return f.number > field.number; });
    fields.insert(at, std::move(field));
}

bool equalIgnoringLength(const Record& a, const Record& b) {
    auto withoutLength = [](const Record& r) {
        std::vector<Field> fields;
        for (const Field& f : r.fields)
            if (f.number != 1)
                fields.push_back(f);
        return fields;
    };
    return a.type == b.type && withoutLength(a) == withoutLength(b);
}

bool equalIgnoringLength(const Transaction& a, const Transaction& b) {
    return std::equal(a.records.begin(), a.records.end(), b.records.begin(), b.records.end(),
                      [](const Record& x, const Record& y) { return equalIgnoringLength(x, y); });
}

std::string fieldTag(int recordType, int fieldNumber) {
    char tag[32];
    std::snprintf(tag, sizeof tag, "%d.%03d", recordType, fieldNumber);
    return tag;
}

std::string location(std::size_t recordIndex, int recordType, int fieldNumber) {
    std::string s = "Type-" + std::to_string(recordType) + " record " + std::to_string(recordIndex);
    if (fieldNumber > 0)
        s += ", field " + fieldTag(recordType, fieldNumber);
    return s + ": ";
}

} // namespace umbral::interchange
