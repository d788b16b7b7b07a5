package io.scrapline.platform.openapi;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.MethodInfo;

import io.smallrye.openapi.api.OperationIdGenerator;

/**
 * The {@code operationId} of every operation of every service, named by {@code quarkus.smallrye-openapi
 * .operation-id-strategy}: the resource without its {@code Resource} suffix, then the method, in lower camel case
 * ({@code ConnectorResource.runs} is {@code connectorRuns}). Generated clients name their methods after it, so it
 * changes only when a resource or one of its methods is renamed; {@code duplicateOperationIdBehavior=FAIL} stops the
 * build if two operations of a service would share one.
 */
public class ResourceOperationIds implements OperationIdGenerator {

    private static final String SUFFIX = "Resource";

    @Override
    public String generateOperationId(ClassInfo resource, MethodInfo method) {
        return operationId(resource.simpleName(), method.name());
    }

    static String operationId(String resource, String method) {
        String subject = resource.endsWith(SUFFIX) && resource.length() > SUFFIX.length()
                ? resource.substring(0, resource.length() - SUFFIX.length())
                : resource;
        return Character.toLowerCase(subject.charAt(0)) + subject.substring(1) + Character.toUpperCase(method.charAt(0))
                + method.substring(1);
    }
}
