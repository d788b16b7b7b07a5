package io.scrapline.ingest.domain;

/** A stored connector and its latest run (null before the first): what a read of the connector shows. */
public record ConnectorOverview(Connector connector, ConnectorRun lastRun) {
}
