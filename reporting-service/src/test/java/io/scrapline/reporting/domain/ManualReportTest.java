package io.scrapline.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.scrapline.platform.problem.FieldError;

class ManualReportTest {

    @Test
    void readsTheTechniciansLayoutInAnyColumnOrderWithQuotesSeparatorsAndNotes() {
        String csv = "\uFEFFCost,DEFECT-CODE, Part ,line,Quantity,Notes\r\n"
                + "\"1,234.50\",MACH-DIM,100-4471-A,L1,3,\"said \"\"urgent\"\", twice\"\r\n" + ",,,,,\r\n"
                + "0.5,RM-CRACK,200-5000-B,L2,1.50,\"two\nlines\"\r\n";
        ManualReport.Read read = ManualReport.read(csv.getBytes(StandardCharsets.UTF_8), ManualReport.CSV, "USD");

        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).containsExactly(
                new ManualReport.Row(1, "L1", "100-4471-A", "MACH-DIM", new BigDecimal("3"), new BigDecimal("1234.50")),
                new ManualReport.Row(3, "L2", "200-5000-B", "RM-CRACK", new BigDecimal("1.5"), new BigDecimal("0.50")));
    }

    @Test
    void namesTheMissingColumnsAndEveryBadField() {
        assertThat(ManualReport.rows(List.of(List.of("line", "part", "qty")), "USD").errors())
                .extracting(FieldError::field).containsExactly("defect_code", "quantity", "cost");

        ManualReport.Read read = ManualReport.rows(List.of(List.of("line", "part", "defect_code", "quantity", "cost"),
                List.of("L1", "P", "C", "1e3", "12.345"), List.of("L1", "P", "C", "2", "1.5.0")), "JPY");
        assertThat(read.rows()).isEmpty();
        assertThat(read.errors()).containsExactly(new FieldError(1, "quantity", "must be a decimal number"),
                new FieldError(1, "cost", "has more decimals than JPY has (0)"),
                new FieldError(2, "cost", "must be a decimal number"));
    }

    @Test
    void refusesWhatCouldNotBeStoredOrReadBack() {
        ManualReport.Read read = ManualReport.rows(List.of(List.of("line", "part", "defect_code", "quantity", "cost"),
                List.of("L\u0000", "P\uFFFD", "C", "1234567890123", "0.0000001")), "USD");
        assertThat(read.errors()).extracting(FieldError::field).containsExactly("line", "part", "quantity", "cost");
        assertThat(read.errors().get(0).message()).isEqualTo("must not contain NUL characters");
        assertThat(read.errors().get(1).message()).isEqualTo("must be valid UTF-8");
    }

    @Test
    void anUnclosedQuoteOrAHeaderWithoutRowsIsAProblemOfTheFile() {
        assertThat(ManualReport.read("line,part\n\"L1,P".getBytes(StandardCharsets.UTF_8), ManualReport.CSV, "USD")
                .errors()).extracting(FieldError::field).containsExactly("file");
        assertThat(ManualReport.read("line,part,defect code,quantity,cost\n\n".getBytes(StandardCharsets.UTF_8),
                ManualReport.CSV, "USD").errors())
                        .containsExactly(new FieldError(null, "file", "the file has a header row but no figures"));
    }
}
