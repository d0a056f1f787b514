#include "app/interchange/an2k_inspect.h"

#include "app/interchange/an2k_binary_record.h"
#include "app/interchange/an2k_fields.h"
#include "app/interchange/an2k_images.h"
#include "app/interchange/interchange_error.h"
#include "app/interchange/wsq_codec.h"

#include <algorithm>
#include <cstdio>

namespace umbral::interchange {

namespace {

std::string displayText(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == kUnitSeparator)
            out += '^';
        else if (c == kRecordSeparator)
            out += " | ";
        else if (c >= 0x20 && c <= 0x7E)
            out += c;
        else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(c));
            out += hex;
        }
    }
    return out;
}

bool isDataField(const Record& r, int number) {
    return r.isBinary() ? number == binaryDataField(r.type) : number == kImageDataField;
}

std::string binarySummary(const Record& r, const Field& f) {
    std::string s = "<" + std::to_string(f.value.size()) + " bytes";
    if (const auto image = recordImage(r)) {
        int width = image->width, height = image->height;
        if (image->compression == "WSQ20") {
            try { // the stream's own size, which is what a decoder produces
                const WsqHeader header = readWsqHeader(image->data);
                width = header.width;
                height = header.height;
            } catch (const InterchangeError&) {
            }
        }
        s += ", " + image->compression + " " + std::to_string(width) + " x " +
             std::to_string(height);
        if (width != image->width || height != image->height)
            s += " (the record states " + std::to_string(image->width) + " x " +
                 std::to_string(image->height) + ")";
        if (!image->repeatedTagPrefix.empty())
            s += ", after repeated 999 tags holding \"" + image->repeatedTagPrefix + "\"";
    }
    return s + ">";
}

} // namespace

std::vector<InspectedRecord> inspectTransaction(const Transaction& transaction) {
    std::vector<InspectedRecord> out;
    for (std::size_t i = 0; i < transaction.records.size(); ++i) {
        const Record& r = transaction.records[i];
        InspectedRecord ir;
        ir.index = i + 1;
        ir.type = r.type;
        ir.typeName = std::string(recordTypeName(r.type));
        ir.hasImage = recordImage(r).has_value();
        for (const Field& f : r.fields) {
            InspectedField field;
            field.tag = fieldTag(r.type, f.number);
            if (const FieldDefinition* d = findFieldDefinition(r.type, f.number)) {
                field.mnemonic = d->mnemonic;
                field.name = d->name;
            }
            field.bytes = f.value.size();
            field.binary = isDataField(r, f.number);
            field.value = field.binary ? binarySummary(r, f) : displayText(f.value);
            ir.fields.push_back(std::move(field));
        }
        out.push_back(std::move(ir));
    }
    return out;
}

std::string formatInspection(const std::vector<InspectedRecord>& records) {
    std::string out;
    for (const InspectedRecord& r : records) {
        out += "Record " + std::to_string(r.index) + ": Type-" + std::to_string(r.type) + " " +
               r.typeName + "\n";
        for (const InspectedField& f : r.fields) {
            std::string label = f.tag;
            if (!f.mnemonic.empty())
                label += " " + f.mnemonic;
            label.resize(std::max<std::size_t>(label.size(), 12), ' ');
            out += "  " + label + " " + (f.name.empty() ? std::string() : f.name + ": ") + f.value +
                   "\n";
        }
    }
    return out;
}

} // namespace umbral::interchange
