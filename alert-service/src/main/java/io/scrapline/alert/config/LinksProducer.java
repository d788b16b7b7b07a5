package io.scrapline.alert.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.scrapline.alert.domain.NoticeLinks;

/** The links of alerts, under the configured public base URL. */
@ApplicationScoped
public class LinksProducer {

    @Produces
    @Singleton
    NoticeLinks links(AlertConfig config) {
        return new NoticeLinks(config.publicBaseUrl());
    }
}
