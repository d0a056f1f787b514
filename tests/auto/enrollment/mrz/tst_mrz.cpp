// ICAO 9303 machine-readable zones: the specimens of ICAO 9303 Parts 4-7 parse to their
// printed fields with every check digit valid; damaged zones report the damaged field and the
// failing check digit (never silently accepted); text that is no zone at all is refused.
#include "app/biometrics/common/biometric_error.h"
#include "app/biometrics/mrz/mrz_check_digit.h"
#include "app/biometrics/mrz/mrz_compose.h"
#include "app/biometrics/mrz/mrz_parser.h"

#include <QtTest>

using namespace umbral::biometrics;

Q_DECLARE_METATYPE(umbral::biometrics::MrzFormat)
Q_DECLARE_METATYPE(umbral::biometrics::MrzField)
Q_DECLARE_METATYPE(umbral::biometrics::CheckDigitStatus)

namespace {

constexpr CalendarDate kToday{2026, 11, 28};

// ICAO 9303 Part 4, Appendix A: the TD3 specimen of Utopia.
const char* kTd3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
// ICAO 9303 Part 5, Appendix A: the TD1 specimen.
const char* kTd1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n"
                   "7408122F1204159UTO<<<<<<<<<<<6\n"
                   "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

std::string replaced(std::string text, int line, int column, char c) {
    std::size_t pos = 0;
    for (int l = 0; l < line; ++l)
        pos = text.find('\n', pos) + 1;
    text[pos + std::size_t(column)] = c;
    return text;
}

template <typename Enum> QString str(Enum e) {
    return QString::fromStdString(toString(e));
}

QString problemsText(const MrzRecord& r) {
    QStringList out;
    for (const MrzProblem& p : r.problems)
        out << QString::fromStdString(p.message);
    return out.join("; ");
}

} // namespace

class TestMrz : public QObject {
    Q_OBJECT

private slots:
    void checkDigit_data() {
        QTest::addColumn<QString>("data");
        QTest::addColumn<int>("digit");
        // Values from the ICAO 9303 Part 3 worked examples and the Part 4 specimen.
        QTest::newRow("document number L898902C3") << "L898902C3" << 6;
        QTest::newRow("date 740812") << "740812" << 2;
        QTest::newRow("date 120415") << "120415" << 9;
        QTest::newRow("personal number with filler") << "ZE184226B<<<<<" << 1;
        QTest::newRow("all filler") << "<<<<<<<<<" << 0;
        QTest::newRow("long document number D23145890734") << "D23145890734" << 9;
        QTest::newRow("not an MRZ character") << "AB#12" << -1;
        QTest::newRow("lower case is not an MRZ character") << "l898902c3" << -1;
    }
    void checkDigit() {
        QFETCH(QString, data);
        QFETCH(int, digit);
        const std::optional<int> d = mrzCheckDigit(data.toStdString());
        QCOMPARE(d.value_or(-1), digit);
    }

    void specimens_data() {
        QTest::addColumn<QString>("mrz");
        QTest::addColumn<MrzFormat>("format");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("surname");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("nationality");
        QTest::addColumn<QString>("birth");
        QTest::addColumn<QString>("sex");
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<QString>("optional");
        QTest::addColumn<int>("checkCount");

        QTest::newRow("TD3 passport specimen (9303-4)") << kTd3 << MrzFormat::TD3 << "P"
                                                        << "L898902C3"
                                                        << "ERIKSSON"
                                                        << "ANNA MARIA"
                                                        << "UTO"
                                                        << "1974-08-12"
                                                        << "F"
                                                        << "2012-04-15"
                                                        << "ZE184226B" << 5;
        QTest::newRow("TD1 card specimen (9303-5)") << kTd1 << MrzFormat::TD1 << "I"
                                                    << "D23145890"
                                                    << "ERIKSSON"
                                                    << "ANNA MARIA"
                                                    << "UTO"
                                                    << "1974-08-12"
                                                    << "F"
                                                    << "2012-04-15"
                                                    << "" << 4;
        QTest::newRow("TD1 long document number (9303-5)")
            << "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<"
               "JOHN<<<<<<<<<"
            << MrzFormat::TD1 << "I"
            << "D23145890734"
            << "STEVENSON"
            << "PETER JOHN"
            << "UTO"
            << "1934-07-12"
            << "M"
            << "1995-07-12"
            << "" << 4;
        QTest::newRow("TD2 card specimen (9303-6)")
            << "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
            << MrzFormat::TD2 << "I"
            << "D23145890"
            << "ERIKSSON"
            << "ANNA MARIA"
            << "UTO"
            << "1974-08-12"
            << "F"
            << "2012-04-15"
            << "" << 4;
        QTest::newRow("TD2 long document number")
            << "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\nD23145890<UTO3407127M95071227349<<<8"
            << MrzFormat::TD2 << "I"
            << "D23145890734"
            << "STEVENSON"
            << "PETER JOHN"
            << "UTO"
            << "1934-07-12"
            << "M"
            << "1995-07-12"
            << "" << 4;
        QTest::newRow("MRV-A visa specimen (9303-7)")
            << "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
               "\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"
            << MrzFormat::MrvA << "V"
            << "L8988901C"
            << "ERIKSSON"
            << "ANNA MARIA"
            << "XXX"
            << "1940-09-07"
            << "F"
            << "1996-12-10"
            << "6ZE184226B" << 3;
        QTest::newRow("MRV-B visa specimen (9303-7)")
            << "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<"
            << MrzFormat::MrvB << "V"
            << "L8988901C"
            << "ERIKSSON"
            << "ANNA MARIA"
            << "XXX"
            << "1940-09-07"
            << "F"
            << "1996-12-10"
            << "" << 3;
        QTest::newRow("TD3 from a reader that sends one line")
            << QString(kTd3).remove('\n') << MrzFormat::TD3 << "P"
            << "L898902C3"
            << "ERIKSSON"
            << "ANNA MARIA"
            << "UTO"
            << "1974-08-12"
            << "F"
            << "2012-04-15"
            << "ZE184226B" << 5;
        QTest::newRow("TD3 typed in lower case, CR LF, blanks around")
            << "  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<  \r\n\r\n "
               "l898902c36uto7408122f1204159ze184226b<<<<<10 \r\n"
            << MrzFormat::TD3 << "P"
            << "L898902C3"
            << "ERIKSSON"
            << "ANNA MARIA"
            << "UTO"
            << "1974-08-12"
            << "F"
            << "2012-04-15"
            << "ZE184226B" << 5;
        QTest::newRow("TD3 without personal number, filler check digit")
            << "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159<<<<<<<<<"
               "<<<<<<8"
            << MrzFormat::TD3 << "P"
            << "L898902C3"
            << "ERIKSSON"
            << "ANNA MARIA"
            << "UTO"
            << "1974-08-12"
            << "F"
            << "2012-04-15"
            << "" << 5;
        QTest::newRow("TD3 with unknown month and day of birth")
            << "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO74<<<<"
               "1F1204159ZE184226B<<<<<18"
            << MrzFormat::TD3 << "P"
            << "L898902C3"
            << "ERIKSSON"
            << "ANNA MARIA"
            << "UTO"
            << "1974"
            << "F"
            << "2012-04-15"
            << "ZE184226B" << 5;
    }
    void specimens() {
        QFETCH(QString, mrz);
        QFETCH(MrzFormat, format);
        QFETCH(QString, code);
        QFETCH(QString, number);
        QFETCH(QString, surname);
        QFETCH(QString, given);
        QFETCH(QString, nationality);
        QFETCH(QString, birth);
        QFETCH(QString, sex);
        QFETCH(QString, expiry);
        QFETCH(QString, optional);
        QFETCH(int, checkCount);

        const MrzRecord r = parseMrz(mrz.toStdString(), kToday);
        QVERIFY2(r.problems.empty(), qPrintable(problemsText(r)));
        QCOMPARE(int(r.checks.size()), checkCount);
        for (const MrzCheckDigit& c : r.checks)
            QVERIFY2(c.ok(), (toString(c.field) + " check digit: " + toString(c.status)).c_str());
        QVERIFY(r.isClean());
        QCOMPARE(str(r.format), str(format));
        QCOMPARE(QString::fromStdString(r.documentCode), code);
        QCOMPARE(QString::fromStdString(r.issuingState), QStringLiteral("UTO"));
        QCOMPARE(QString::fromStdString(r.documentNumber), number);
        QCOMPARE(QString::fromStdString(r.primaryIdentifier), surname);
        QCOMPARE(QString::fromStdString(r.secondaryIdentifier), given);
        QCOMPARE(QString::fromStdString(r.nationality), nationality);
        QCOMPARE(QString::fromStdString(r.dateOfBirth.iso()), birth);
        QCOMPARE(QString::fromStdString(r.sex), sex);
        QCOMPARE(QString::fromStdString(r.dateOfExpiry.iso()), expiry);
        QCOMPARE(QString::fromStdString(r.optionalData), optional);
        QVERIFY(r.expired); // every specimen expired years ago
    }

    // One character changed: the field it lies in fails its check digit (and the composite
    // where the field is covered by it); the record is never clean.
    void damaged_data() {
        QTest::addColumn<QString>("mrz");
        QTest::addColumn<MrzField>("field");
        QTest::addColumn<CheckDigitStatus>("status");
        QTest::addColumn<int>("computed");
        QTest::addColumn<bool>("compositeOk");

        QTest::newRow("TD3 document number digit misread")
            << QString::fromStdString(replaced(kTd3, 1, 5, '3')) << MrzField::DocumentNumber
            << CheckDigitStatus::Wrong << 9 << false;
        QTest::newRow("TD3 document number check digit misprinted")
            << QString::fromStdString(replaced(kTd3, 1, 9, '5')) << MrzField::DocumentNumber
            << CheckDigitStatus::Wrong << 6 << false;
        // 'G' (16) weighs like '6' in the composite sum: only the field's own digit can tell.
        QTest::newRow("TD3 letter in the check digit")
            << QString::fromStdString(replaced(kTd3, 1, 9, 'G')) << MrzField::DocumentNumber
            << CheckDigitStatus::Unreadable << 6 << true;
        QTest::newRow("TD3 date of expiry digit changed")
            << QString::fromStdString(replaced(kTd3, 1, 22, '3')) << MrzField::DateOfExpiry
            << CheckDigitStatus::Wrong << 2 << false;
        QTest::newRow("TD3 personal number changed")
            << QString::fromStdString(replaced(kTd3, 1, 30, '9')) << MrzField::OptionalData
            << CheckDigitStatus::Wrong << 9 << false;
        QTest::newRow("TD3 composite digit changed")
            << QString::fromStdString(replaced(kTd3, 1, 43, '4')) << MrzField::Composite
            << CheckDigitStatus::Wrong << 0 << false;
        QTest::newRow("TD1 optional data 2 changed: composite only")
            << QString::fromStdString(replaced(kTd1, 1, 20, 'B')) << MrzField::Composite
            << CheckDigitStatus::Wrong << 7 << false;
        QTest::newRow("TD1 date of birth check digit misprinted")
            << QString::fromStdString(replaced(kTd1, 1, 6, '8')) << MrzField::DateOfBirth
            << CheckDigitStatus::Wrong << 2 << false;
    }
    void damaged() {
        QFETCH(QString, mrz);
        QFETCH(MrzField, field);
        QFETCH(CheckDigitStatus, status);
        QFETCH(int, computed);
        QFETCH(bool, compositeOk);

        const MrzRecord r = parseMrz(mrz.toStdString(), kToday);
        QVERIFY(!r.isClean());
        QVERIFY(!r.checkDigitsValid());
        const MrzCheckDigit* c = r.check(field);
        QVERIFY(c);
        QCOMPARE(str(c->status), str(status));
        QVERIFY(c->computed.has_value());
        QCOMPARE(*c->computed, computed);
        QCOMPARE(r.check(MrzField::Composite)->ok(), compositeOk);
        // The other fields keep their verdicts: exactly the damaged field and the composite fail.
        for (const MrzCheckDigit& other : r.checks)
            if (other.field != field && other.field != MrzField::Composite)
                QVERIFY2(other.ok(), toString(other.field).c_str());
    }

    // Characters that break the format are reported where they stand.
    void problems_data() {
        QTest::addColumn<QString>("mrz");
        QTest::addColumn<MrzField>("field");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("says");

        QTest::newRow("OCR letter O in the date of birth")
            << QString::fromStdString(replaced(kTd3, 1, 15, 'O')) << MrzField::DateOfBirth << 1
            << 15 << "digits only";
        QTest::newRow("OCR digit 0 in the surname")
            << QString::fromStdString(replaced(kTd3, 0, 8, '0')) << MrzField::Name << 0 << 8
            << "letters only";
        QTest::newRow("foreign character in the name")
            << QString::fromStdString(replaced(kTd3, 0, 10, '#')) << MrzField::Name << 0 << 10
            << "not an MRZ character";
        QTest::newRow("unknown sex code") << QString::fromStdString(replaced(kTd3, 1, 20, 'Q'))
                                          << MrzField::Sex << 1 << 20 << "sex code";
        QTest::newRow("month 13 with a matching check digit")
            << "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
               "\nL898902C36UTO7413081F1204159ZE184226B<<<<<10"
            << MrzField::DateOfBirth << 1 << 15 << "no month 13";
        QTest::newRow("digit in the nationality")
            << QString::fromStdString(replaced(kTd1, 1, 16, '7')) << MrzField::Nationality << 1
            << 16 << "letters only";
    }
    void problems() {
        QFETCH(QString, mrz);
        QFETCH(MrzField, field);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, says);

        const MrzRecord r = parseMrz(mrz.toStdString(), kToday);
        QVERIFY(!r.isClean());
        QVERIFY(!r.problems.empty());
        const auto it = std::find_if(r.problems.begin(), r.problems.end(),
                                     [&](const MrzProblem& p) { return p.field == field; });
        QVERIFY2(it != r.problems.end(), qPrintable(problemsText(r)));
        QCOMPARE(it->line, line);
        QCOMPARE(it->column, column);
        QVERIFY2(QString::fromStdString(it->message).contains(says), it->message.c_str());
    }

    void notAZone_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("one passport line") << "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
        QTest::newRow("second line one short") << "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                                                  "\nL898902C36UTO7408122F1204159ZE184226B<<<<<1";
        QTest::newRow("three passport lines")
            << QString(kTd3) + "\n" + QString(kTd3).section('\n', 1);
        QTest::newRow("card lines mixed with passport lines")
            << "I<UTOD231458907<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
        QTest::newRow("prose") << "the reader sent nothing useful";
    }
    void notAZone() {
        QFETCH(QString, text);
        try {
            parseMrz(text.toStdString(), kToday);
            QFAIL("accepted text that is no machine-readable zone");
        } catch (const BiometricError& e) {
            QCOMPARE(e.code(), BiometricErrorCode::MalformedTemplate);
            QVERIFY2(QString(e.what()).contains("expected 2 lines of 44"), e.what());
        }
    }

    // Two-digit years: a date of birth is never in the future, an expiry lies within 50 years.
    void centuries_data() {
        QTest::addColumn<QString>("birth");
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<int>("birthYear");
        QTest::addColumn<int>("expiryYear");
        QTest::addColumn<bool>("expired");
        QTest::newRow("born 1974, expired 2012") << "740812"
                                                 << "120415" << 1974 << 2012 << true;
        QTest::newRow("born 2015, expires 2035") << "150101"
                                                 << "351231" << 2015 << 2035 << false;
        QTest::newRow("born 1930, expires 2026 tomorrow") << "300101"
                                                          << "261129" << 1930 << 2026 << false;
        QTest::newRow("born this year, expired yesterday") << "260102"
                                                           << "261127" << 2026 << 2026 << true;
        QTest::newRow("expiry far ahead is last century") << "800101"
                                                          << "961210" << 1980 << 1996 << true;
    }
    void centuries() {
        QFETCH(QString, birth);
        QFETCH(QString, expiry);
        QFETCH(int, birthYear);
        QFETCH(int, expiryYear);
        QFETCH(bool, expired);
        // Build a TD3 zone with correct check digits around the two dates.
        std::string l2 = "L898902C36UTO" + birth.toStdString() +
                         char('0' + *mrzCheckDigit(birth.toStdString())) + "F" +
                         expiry.toStdString() + char('0' + *mrzCheckDigit(expiry.toStdString())) +
                         "ZE184226B<<<<<1";
        l2 += char('0' + *mrzCheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22)));
        const MrzRecord r = parseMrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + l2, kToday);
        QVERIFY2(r.isClean(), qPrintable(problemsText(r)));
        QCOMPARE(r.dateOfBirth.year.value_or(0), birthYear);
        QCOMPARE(r.dateOfExpiry.year.value_or(0), expiryYear);
        QCOMPARE(r.expired, expired);
    }

    void futureBirthIsAProblem() {
        // Born on 1 December of the current year, seen on 28 November: a misread, not a baby.
        const std::string birth = "261201";
        std::string l2 =
            "L898902C36UTO" + birth + char('0' + *mrzCheckDigit(birth)) + "F3512311ZE184226B<<<<<1";
        l2 += char('0' + *mrzCheckDigit(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22)));
        const MrzRecord r = parseMrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + l2, kToday);
        QVERIFY(r.checkDigitsValid());
        QVERIFY(!r.isClean());
        QVERIFY(std::any_of(r.problems.begin(), r.problems.end(), [](const MrzProblem& p) {
            return p.field == MrzField::DateOfBirth &&
                   p.message.find("future") != std::string::npos;
        }));
    }

    void composeWritesTheSpecimen() {
        Td3Fields f;
        f.issuingState = "UTO";
        f.primaryIdentifier = "Eriksson";
        f.secondaryIdentifier = "Anna Maria";
        f.documentNumber = "L898902C3";
        f.nationality = "UTO";
        f.dateOfBirth = "740812";
        f.sex = "F";
        f.dateOfExpiry = "120415";
        f.optionalData = "ZE184226B";
        QCOMPARE(QString::fromStdString(composeTd3(f)), QString(kTd3));
        f.optionalData.clear();
        f.sex = "X";
        const MrzRecord r = parseMrz(composeTd3(f), kToday);
        QVERIFY(r.isClean());
        QCOMPARE(QString::fromStdString(r.sex), QStringLiteral("X"));
        f.documentNumber = "L898902C3X"; // ten characters do not fit
        QVERIFY_THROWS_EXCEPTION(BiometricError, composeTd3(f));
        f.documentNumber = "L898902C3";
        f.dateOfBirth = "7408";
        QVERIFY_THROWS_EXCEPTION(BiometricError, composeTd3(f));
    }

    void truncatedNameIsFlagged() {
        const MrzRecord r = parseMrz("P<UTOSCHWARZENBERGER<<KARL<THEODOR<MARIA<JOH\n"
                                     "L898902C36UTO7408122M1204159ZE184226B<<<<<10",
                                     kToday);
        QVERIFY(r.nameMayBeTruncated);
        QCOMPARE(QString::fromStdString(r.secondaryIdentifier),
                 QStringLiteral("KARL THEODOR MARIA JOH"));
        QVERIFY(!parseMrz(kTd3, kToday).nameMayBeTruncated);
    }
};

QTEST_APPLESS_MAIN(TestMrz)
#include "tst_mrz.moc"
