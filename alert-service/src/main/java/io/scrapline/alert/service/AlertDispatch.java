package io.scrapline.alert.service;

import io.scrapline.alert.domain.OpenedAlert;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Where an alert goes once the evaluation has opened it: called once per new alert (rule × window instance × level), in
 * the transaction that wrote its {@code alert_log} row, on that transaction's connection, so that whatever it records
 * commits or rolls back with the alert. The evaluation never calls it for an alert another evaluation opened. A failure
 * rolls the alert back, and a later evaluation opens it again.
 */
public interface AlertDispatch {

    Uni<Void> opened(SqlConnection transaction, OpenedAlert alert);
}
