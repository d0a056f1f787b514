// Biographic matching, data-driven: MRZ normalisation (accents, Ñ, legacy NXX, umlauts,
// Cyrillic, particles), Jaro-Winkler and the phonetic key, dates of birth (partial, swapped,
// typo), and whole comparisons: swapped surnames, name order, one typo, partial date of birth,
// a namesake with another date of birth, a different person whose document number has the same
// format. The index must find what a full comparison with everyone finds.
#include "app/screening/biographic_index.h"
#include "app/screening/biographic_matcher.h"
#include "app/screening/date_of_birth.h"
#include "app/screening/name_normalization.h"
#include "app/screening/string_similarity.h"

#include <QtTest>
#include <random>
#include <set>

using namespace umbral;
using namespace umbral::screening;

namespace {
Traveler traveler(const QString& surname, const QString& given, const QString& dob = {},
                  const QString& nationality = {}, const QString& doc = {}, const QString& issuer = {}) {
    Traveler t;
    t.surname = surname;
    t.givenNames = given;
    t.dateOfBirth = dob;
    t.nationality = nationality;
    t.document.number = doc;
    t.document.issuingState = issuer;
    return t;
}

WatchlistEntry listed(const QStringList& names, const QString& dob = {}, const QString& nationality = {},
                      const QString& doc = {}, const QString& issuer = {}) {
    WatchlistEntry e;
    e.id = QStringLiteral("E1");
    e.names = names;
    e.dateOfBirth = dob;
    e.nationality = nationality;
    if (!doc.isEmpty())
        e.documents.push_back({doc, issuer, QStringLiteral("P")});
    return e;
}
} // namespace

class TestBiographic : public QObject {
    Q_OBJECT

private slots:
    void transliteration_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mrz");
        QTest::newRow("acute accents") << QString("José García") << QString("JOSE GARCIA");
        QTest::newRow("n tilde") << QString("Muñoz") << QString("MUNOZ");
        QTest::newRow("upper N tilde") << QString("MUÑOZ") << QString("MUNOZ");
        QTest::newRow("umlauts") << QString("Jürgen Müller") << QString("JUERGEN MUELLER");
        QTest::newRow("sharp s") << QString("Strauß") << QString("STRAUSS");
        QTest::newRow("a ring") << QString("Ångström") << QString("AANGSTROEM");
        QTest::newRow("ae ligature and o slash") << QString("Ærø Sørensen") << QString("AEROE SOERENSEN");
        QTest::newRow("polish") << QString("Wałęsa") << QString("WALESA");
        QTest::newRow("turkish") << QString("Şükrü Çağlar") << QString("SUEKRUE CAGLAR");
        QTest::newRow("apostrophe") << QString("O'Brien") << QString("OBRIEN");
        QTest::newRow("hyphen and MRZ filler") << QString("SMITH-JONES<<ANNA<MARIE") << QString("SMITH JONES ANNA MARIE");
        QTest::newRow("cyrillic") << QString("Щербаков Александр") << QString("SHCHERBAKOV ALEKSANDR");
        QTest::newRow("cyrillic ya yu") << QString("Юлия Яковлева") << QString("IULIIA IAKOVLEVA");
        QTest::newRow("greek") << QString("Γεώργιος Παπαδόπουλος") << QString("GEORGIOS PAPADOPOULOS");
        QTest::newRow("digits dropped") << QString("ANNA2") << QString("ANNA");
    }
    void transliteration() {
        QFETCH(QString, input);
        QFETCH(QString, mrz);
        QCOMPARE(QString::fromStdString(transliterateToMrz(input)), mrz);
    }

    void legacyMrzSpellings() {
        const NormalizedName a = normalizeListedName(QStringLiteral("MUNXXOZ<<JOSE"));
        const NormalizedName b = normalizeName(QStringLiteral("Muñoz"), QStringLiteral("José"));
        QCOMPARE(a.display(), b.display());
        QCOMPARE(QString::fromStdString(a.display()), QStringLiteral("MUNOZ, JOSE"));
        QCOMPARE(QString::fromStdString(normalizeListedName("MUXXLLER<<HANS").tokens[0].text), QStringLiteral("MUELLER"));
    }

    void particles() {
        const NormalizedName n = normalizeName(QStringLiteral("de la Cruz del Río"), QStringLiteral("Juan"));
        QCOMPARE(int(n.tokens.size()), 3);
        QCOMPARE(QString::fromStdString(n.tokens[0].text), QStringLiteral("CRUZ"));
        QCOMPARE(QString::fromStdString(n.tokens[0].glued), QStringLiteral("DELACRUZ"));
        QCOMPARE(QString::fromStdString(n.tokens[1].text), QStringLiteral("RIO"));
        QCOMPARE(QString::fromStdString(n.tokens[1].glued), QStringLiteral("DELRIO"));
        QVERIFY(n.tokens[0].surname && n.tokens[1].surname && !n.tokens[2].surname);
        QCOMPARE(int(n.particles.size()), 3);
    }

    void jaroWinklerValues_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<double>("expected");
        // Reference values from Winkler's papers, as used in every implementation's tests.
        QTest::newRow("MARTHA/MARHTA") << "MARTHA" << "MARHTA" << 0.9611;
        QTest::newRow("DWAYNE/DUANE") << "DWAYNE" << "DUANE" << 0.84;
        QTest::newRow("DIXON/DICKSONX") << "DIXON" << "DICKSONX" << 0.8133;
        QTest::newRow("equal") << "GARCIA" << "GARCIA" << 1.0;
        QTest::newRow("nothing in common") << "ABC" << "XYZ" << 0.0;
    }
    void jaroWinklerValues() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(double, expected);
        const double s = jaroWinkler(a.toStdString(), b.toStdString());
        QVERIFY2(std::abs(s - expected) < 0.001, qPrintable(QString::number(s)));
        QCOMPARE(jaroWinkler(b.toStdString(), a.toStdString()), s);
        QVERIFY(jaroWinklerUpperBound(std::size_t(a.size()), std::size_t(b.size())) >= s - 1e-12);
    }

    void phonetic_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("GONZALEZ/GONSALES") << "GONZALEZ" << "GONSALES" << true;
        QTest::newRow("MOHAMMED/MUHAMMAD") << "MOHAMMED" << "MUHAMMAD" << true;
        QTest::newRow("HERNANDEZ/ERNANDES") << "HERNANDEZ" << "ERNANDES" << true;
        QTest::newRow("VASQUEZ/BASKES") << "VASQUEZ" << "BASKES" << true;
        QTest::newRow("PHILIP/FILIP") << "PHILIP" << "FILIP" << true;
        QTest::newRow("KHALID/CALID") << "KHALID" << "CALID" << true;
        QTest::newRow("GARCIA/LOPEZ") << "GARCIA" << "LOPEZ" << false;
        QTest::newRow("SMITH/SCHMIDT") << "SMITH" << "SCHMIDT" << false;
    }
    void phonetic() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(phoneticKey(a.toStdString()) == phoneticKey(b.toStdString()), same);
    }

    void dates_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("relation");
        QTest::newRow("exact") << "1980-05-17" << "1980-05-17" << "exact";
        QTest::newRow("year only") << "1980-05-17" << "1980" << "consistent";
        QTest::newRow("year and month") << "1980-05" << "1980-05-17" << "consistent";
        QTest::newRow("unknown parts as 00") << "1980-00-00" << "1980-05-17" << "consistent";
        QTest::newRow("unknown parts as XX") << "1980-XX-XX" << "1980-05-17" << "consistent";
        QTest::newRow("day and month swapped") << "1980-05-07" << "1980-07-05" << "day-month-swapped";
        QTest::newRow("one digit") << "1980-05-17" << "1986-05-17" << "one-digit-typo";
        QTest::newRow("different year") << "1980-05-17" << "1975-05-17" << "conflict";
        QTest::newRow("partial, different year") << "1980" << "1979-05-17" << "conflict";
        QTest::newRow("partial, different month") << "1980-06" << "1980-05-17" << "conflict";
        QTest::newRow("missing") << "" << "1980-05-17" << "unknown";
    }
    void dates() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, relation);
        const auto da = parsePartialDate(a), db = parsePartialDate(b);
        QVERIFY(da && db);
        QCOMPARE(toKey(compareDates(*da, *db).relation), relation);
        QCOMPARE(toKey(compareDates(*db, *da).relation), relation);
    }

    void badDates() {
        QVERIFY(!parsePartialDate("1980-13-01"));
        QVERIFY(!parsePartialDate("1981-02-29"));
        QVERIFY(!parsePartialDate("17/05/1980"));
        QVERIFY(!parsePartialDate("1980-00-17"));
        QVERIFY(parsePartialDate("1984-02-29"));
        QVERIFY(parsePartialDate("19800517"));
    }

    // Whole comparisons. minScore/maxScore bound the biographic score; -1 leaves a bound out.
    void comparisons_data() {
        QTest::addColumn<Traveler>("probe");
        QTest::addColumn<WatchlistEntry>("entry");
        QTest::addColumn<double>("minScore");
        QTest::addColumn<double>("maxScore");
        QTest::addColumn<QString>("dobRelation");
        QTest::addColumn<bool>("documentMatch");
        QTest::addColumn<int>("orderSwapped"); // -1 not checked

        QTest::newRow("accents and Ñ against MRZ spelling")
            << traveler("Muñoz García", "José Ángel", "1975-03-02", "ESP")
            << listed({"MUNOZ GARCIA, JOSE ANGEL"}, "1975-03-02", "ESP") << 0.99 << -1.0 << "exact" << false << 0;
        QTest::newRow("Ñ as legacy NXX")
            << traveler("Muñoz", "José", "1975-03-02") << listed({"MUNXXOZ<<JOSE"}, "1975-03-02") << 0.99 << -1.0 << "exact" << false << 0;
        QTest::newRow("umlaut written without E")
            << traveler("Müller", "Jürgen", "1966-11-30", "DEU") << listed({"MULLER, JURGEN"}, "1966-11-30", "DEU")
            << 0.97 << -1.0 << "exact" << false << 0;
        QTest::newRow("swapped surnames")
            << traveler("López García", "María", "1990-01-15", "MEX") << listed({"GARCIA LOPEZ, MARIA"}, "1990-01-15", "MEX")
            << 0.99 << -1.0 << "exact" << false << 0;
        QTest::newRow("only first surname on the list")
            << traveler("García López", "María", "1990-01-15", "MEX") << listed({"GARCIA, MARIA"}, "1990-01-15", "MEX")
            << 0.93 << -1.0 << "exact" << false << 0;
        QTest::newRow("name order swapped")
            << traveler("Ahmed", "Khalid", "1970-07-07") << listed({"KHALID, AHMED"}, "1970-07-07") << 0.99 << -1.0 << "exact" << false << 1;
        QTest::newRow("one typo in the surname")
            << traveler("Garcai", "Maria", "1990-01-15") << listed({"GARCIA, MARIA"}, "1990-01-15") << 0.93 << 0.995 << "exact" << false << 0;
        QTest::newRow("one typo in the given name")
            << traveler("Petrov", "Ivna", "1981-04-04") << listed({"PETROV, IVAN"}, "1981-04-04") << 0.90 << 0.995 << "exact" << false << 0;
        QTest::newRow("partial date of birth on the list")
            << traveler("Okafor", "Chidi", "1984-09-21", "NGA") << listed({"OKAFOR, CHIDI"}, "1984", "NGA")
            << 0.93 << 0.99 << "consistent" << false << 0;
        QTest::newRow("day and month swapped")
            << traveler("Silva", "Pedro", "1979-04-11") << listed({"SILVA, PEDRO"}, "1979-11-04") << 0.93 << 0.99 << "day-month-swapped" << false << 0;
        QTest::newRow("namesake with a different date of birth")
            << traveler("Garcia", "Maria", "1992-06-30", "MEX") << listed({"GARCIA, MARIA"}, "1961-02-14", "MEX")
            << -1.0 << 0.79 << "conflict" << false << 0;
        QTest::newRow("particles glued on the list")
            << traveler("de la Cruz", "Juan", "1955-12-01") << listed({"DELACRUZ, JUAN"}, "1955-12-01") << 0.96 << -1.0 << "exact" << false << 0;
        QTest::newRow("particles dropped by the traveler")
            << traveler("Cruz", "Juan", "1955-12-01") << listed({"DE LA CRUZ, JUAN"}, "1955-12-01") << 0.99 << -1.0 << "exact" << false << 0;
        QTest::newRow("cyrillic against ICAO transliteration")
            << traveler("Щербаков", "Александр", "1977-08-19") << listed({"SHCHERBAKOV, ALEKSANDR"}, "1977-08-19") << 0.99 << -1.0 << "exact" << false << 0;
        QTest::newRow("alias matches")
            << traveler("Qhan", "Ameer", "1988-02-02") << listed({"KHAN, AMIR", "QHAN, AMEER"}, "1988-02-02") << 0.99 << -1.0 << "exact" << false << 0;
        QTest::newRow("phonetic spelling")
            << traveler("Gonsales", "Rodrigo", "1960-10-10") << listed({"GONZALEZ, RODRIGO"}, "1960-10-10") << 0.93 << 0.99 << "exact" << false << 0;
        QTest::newRow("a different person")
            << traveler("Smith", "John", "1980-05-17", "GBR") << listed({"GARCIA, MARIA"}, "1980-05-17", "GBR") << -1.0 << 0.45 << "exact" << false << -1;
        QTest::newRow("only a common given name shared")
            << traveler("Nguyen", "Maria", "1980-05-17") << listed({"GARCIA, MARIA"}, "1980-05-17") << -1.0 << 0.55 << "exact" << false << -1;
        QTest::newRow("same document number")
            << traveler("Tanaka", "Yuki", "1985-05-05", "JPN", "TR1234567", "JPN")
            << listed({"TANAKA, YUKI"}, "1985-05-05", "JPN", "TR-123 4567", "JPN") << 0.99 << -1.0 << "exact" << true << 0;
        QTest::newRow("different person, same document number format")
            << traveler("Ivanova", "Olga", "1990-03-03", "RUS", "751234567", "RUS")
            << listed({"PETROVA, IRINA"}, "1971-09-09", "RUS", "751234568", "RUS") << -1.0 << 0.3 << "conflict" << false << -1;
        QTest::newRow("same number, another issuing state")
            << traveler("Ivanova", "Olga", "1990-03-03", "RUS", "751234567", "RUS")
            << listed({"PETROVA, IRINA"}, "1971-09-09", "UKR", "751234567", "UKR") << -1.0 << 0.3 << "conflict" << false << -1;
    }
    void comparisons() {
        QFETCH(Traveler, probe);
        QFETCH(WatchlistEntry, entry);
        QFETCH(double, minScore);
        QFETCH(double, maxScore);
        QFETCH(QString, dobRelation);
        QFETCH(bool, documentMatch);
        QFETCH(int, orderSwapped);
        const BiographicComparison c =
            compareBiographic(BiographicProbe::fromTraveler(probe), BiographicRecord::fromEntry(entry));
        const QString why = QString::fromUtf8(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact));
        if (minScore >= 0)
            QVERIFY2(c.score >= minScore, qPrintable(why));
        if (maxScore >= 0)
            QVERIFY2(c.score <= maxScore, qPrintable(why));
        QCOMPARE(toKey(c.dateOfBirth.relation), dobRelation);
        QCOMPARE(c.documentMatch, documentMatch);
        if (orderSwapped >= 0)
            QCOMPARE(c.name.orderSwapped, bool(orderSwapped));
        // The breakdown names every field.
        const QJsonObject j = c.toJson();
        for (const char* field : {"score", "name", "date_of_birth", "nationality", "sex", "document_match"})
            QVERIFY2(j.contains(QLatin1String(field)), field);
    }

    // The index must return what comparing with everyone returns (above the reporting score),
    // on a list of invented names with near-duplicates planted in it.
    void indexAgreesWithFullComparison() {
        static const char* syllables[] = {"KA", "RO", "MI", "SA", "TO", "LE", "NA", "VI", "DO", "RA", "GU", "ZE",
                                          "BA", "LI", "MO", "PE", "SU", "TI", "NO", "GA", "FE", "HU", "JA", "YO"};
        std::mt19937 rng(7);
        auto word = [&](int parts) {
            QString w;
            for (int i = 0; i < parts; ++i)
                w += QLatin1String(syllables[rng() % 24]);
            return w;
        };
        BiographicIndex index;
        std::vector<BiographicRecord> records;
        std::vector<Traveler> probes;
        for (int i = 0; i < 3000; ++i) {
            const QString surname = word(2 + int(rng() % 2)), given = word(2);
            const QString dob = QStringLiteral("%1-%2-%3").arg(1940 + int(rng() % 60)).arg(1 + int(rng() % 12), 2, 10, QLatin1Char('0')).arg(1 + int(rng() % 28), 2, 10, QLatin1Char('0'));
            WatchlistEntry e = listed({surname + ", " + given}, dob);
            records.push_back(BiographicRecord::fromEntry(e));
            index.add(i, records.back());
            if (i % 100 == 0) {
                // A traveler with one letter changed in the surname.
                QString typo = surname;
                typo[1] = typo[1] == QLatin1Char('A') ? QLatin1Char('E') : QLatin1Char('A');
                probes.push_back(traveler(typo, given, dob));
            }
        }
        index.build();
        QVERIFY(index.vocabularySize() > 100);
        BiographicSearchOptions options;
        options.maxCandidates = 1000;
        for (const Traveler& t : probes) {
            const BiographicProbe p = BiographicProbe::fromTraveler(t);
            std::set<int> expected;
            for (int i = 0; i < int(records.size()); ++i)
                if (compareBiographic(p, records[std::size_t(i)]).score >= options.minScore)
                    expected.insert(i);
            std::set<int> found;
            for (const BiographicCandidate& c : index.search(p, options))
                found.insert(c.entry);
            QVERIFY(!expected.empty());
            QCOMPARE(found, expected);
        }
    }

    void documentMatchesAreNeverCutOff() {
        BiographicIndex index;
        for (int i = 0; i < 50; ++i)
            index.add(i, BiographicRecord::fromEntry(listed({"GARCIA, MARIA"}, "1980-01-01")));
        index.add(50, BiographicRecord::fromEntry(listed({"NOBODY, ELSE"}, "1950-01-01", {}, "X1234567", "UTO")));
        index.build();
        BiographicSearchOptions options;
        options.maxCandidates = 5;
        const auto found = index.search(BiographicProbe::fromTraveler(traveler("Garcia", "Maria", "1980-01-01", "UTO", "X1234567", "UTO")), options);
        QCOMPARE(int(found.size()), 6);
        QVERIFY(std::any_of(found.begin(), found.end(), [](const BiographicCandidate& c) { return c.entry == 50 && c.comparison.documentMatch; }));
    }
};

QTEST_GUILESS_MAIN(TestBiographic)
#include "tst_biographic.moc"
