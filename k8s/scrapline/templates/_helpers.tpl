{{/*
Expand the name of the chart.
*/}}
{{- define "scrapline.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
We truncate at 63 chars because some Kubernetes name fields are limited to this (by the DNS naming spec).
If release name contains chart name it will be used as a full name.
*/}}
{{- define "scrapline.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "scrapline.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels
*/}}
{{- define "scrapline.labels" -}}
helm.sh/chart: {{ include "scrapline.chart" . }}
{{ include "scrapline.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: scrapline
{{- end }}

{{/*
Selector labels
*/}}
{{- define "scrapline.selectorLabels" -}}
app.kubernetes.io/name: {{ include "scrapline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The services of the chart: component name to the key of its values block.
The templates range over this, so adding a service means one line here and one values block.
*/}}
{{- define "scrapline.services" -}}
ingest-service: ingestService
costing-service: costingService
reporting-service: reportingService
alert-service: alertService
{{- end }}

{{/*
Name of a component's resources (Deployment, Service, HPA, PDB, Job).
Usage: include "scrapline.componentName" (dict "root" $ "component" "ingest-service")
*/}}
{{- define "scrapline.componentName" -}}
{{- printf "%s-%s" (include "scrapline.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of a component's resources.
Usage: include "scrapline.componentLabels" (dict "root" $ "component" "ingest-service")
*/}}
{{- define "scrapline.componentLabels" -}}
{{ include "scrapline.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Selector labels of a component.
Usage: include "scrapline.componentSelectorLabels" (dict "root" $ "component" "ingest-service")
*/}}
{{- define "scrapline.componentSelectorLabels" -}}
{{ include "scrapline.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Create the name of the service account to use
*/}}
{{- define "scrapline.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "scrapline.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Full image reference. The tag defaults to the chart's appVersion; a mutable "latest" tag is refused
because a rollout would not know which build it runs.
Usage: include "scrapline.image" (dict "root" $ "image" .Values.ingestService.image)
*/}}
{{- define "scrapline.image" -}}
{{- $tag := default .root.Chart.AppVersion .image.tag | toString }}
{{- if eq $tag "latest" }}
{{- fail (printf "image %s: the tag \"latest\" is not allowed; pin a version or a digest" .image.repository) }}
{{- end }}
{{- $repository := .image.repository }}
{{- if .image.registry }}
{{- $repository = printf "%s/%s" .image.registry .image.repository }}
{{- end }}
{{- if .image.digest }}
{{- printf "%s@%s" $repository .image.digest }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/*
The host:port/name part shared by the reactive and the JDBC database URLs.
*/}}
{{- define "scrapline.databaseAddress" -}}
{{- $host := required "database.host is required" .Values.database.host }}
{{- $name := required "database.name is required" .Values.database.name }}
{{- printf "%s:%v/%s" $host .Values.database.port $name }}
{{- end }}

{{/*
Environment every service container needs: the reactive datasource and JWT verification.
*/}}
{{- define "scrapline.commonEnv" -}}
{{- $secret := required "database.existingSecret is required (a Secret with the database credentials)" .Values.database.existingSecret -}}
- name: QUARKUS_DATASOURCE_REACTIVE_URL
  value: {{ printf "postgresql://%s" (include "scrapline.databaseAddress" .) | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.database.appUsernameKey }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .Values.database.appPasswordKey }}
- name: MP_JWT_VERIFY_PUBLICKEY_LOCATION
  value: {{ required "jwt.publicKeyLocation is required (e.g. the issuer's JWKS URL)" .Values.jwt.publicKeyLocation | quote }}
- name: MP_JWT_VERIFY_ISSUER
  value: {{ required "jwt.issuer is required" .Values.jwt.issuer | quote }}
{{- end }}

{{/*
Which keys of the service key pair a component gets: the private key if it signs prompts to another service (ingest
to costing, costing and reporting to alert, alert's report reads at reporting), the public key if it verifies them.
Usage: include "scrapline.serviceIdentityKeys" "costing-service" | fromYaml
*/}}
{{- define "scrapline.serviceIdentityKeys" -}}
signs: {{ has . (list "ingest-service" "costing-service" "reporting-service" "alert-service") }}
verifies: {{ has . (list "costing-service" "reporting-service" "alert-service") }}
{{- end }}

{{/*
Where the service key pair is mounted, and the files in it.
*/}}
{{- define "scrapline.serviceIdentityDir" -}}
/etc/scrapline/service-identity
{{- end }}

{{/*
Environment for the service key pair of a component that signs or verifies prompts; nothing for any other.
Usage: include "scrapline.serviceIdentityEnv" (dict "root" $ "component" "ingest-service")
*/}}
{{- define "scrapline.serviceIdentityEnv" -}}
{{- $keys := include "scrapline.serviceIdentityKeys" .component | fromYaml }}
{{- $values := .root.Values.serviceIdentity }}
{{- if or $keys.signs $keys.verifies }}
{{- if eq $values.issuer .root.Values.jwt.issuer }}
{{- fail "serviceIdentity.issuer must differ from jwt.issuer: the issuer tells a service token from a user's" }}
{{- end }}
- name: SCRAPLINE_SERVICE_IDENTITY_ISSUER
  value: {{ $values.issuer | quote }}
{{- if $keys.signs }}
- name: SCRAPLINE_SERVICE_IDENTITY_PRIVATE_KEY_LOCATION
  value: {{ printf "%s/private-key.pem" (include "scrapline.serviceIdentityDir" .root) | quote }}
{{- end }}
{{- if $keys.verifies }}
- name: SCRAPLINE_SERVICE_IDENTITY_PUBLIC_KEY_LOCATION
  value: {{ printf "%s/public-key.pem" (include "scrapline.serviceIdentityDir" .root) | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The volume of the service key pair, with only the keys the component gets; nothing for a component that gets none.
Usage: include "scrapline.serviceIdentityVolume" (dict "root" $ "component" "ingest-service")
*/}}
{{- define "scrapline.serviceIdentityVolume" -}}
{{- $keys := include "scrapline.serviceIdentityKeys" .component | fromYaml }}
{{- $values := .root.Values.serviceIdentity }}
{{- if or $keys.signs $keys.verifies }}
- name: service-identity
  secret:
    secretName: {{ required "serviceIdentity.existingSecret is required (a Secret with the service key pair)" $values.existingSecret }}
    defaultMode: 0440
    items:
      {{- if $keys.signs }}
      - key: {{ $values.privateKeyKey }}
        path: private-key.pem
      {{- end }}
      {{- if $keys.verifies }}
      - key: {{ $values.publicKeyKey }}
        path: public-key.pem
      {{- end }}
{{- end }}
{{- end }}

{{/*
The mount of the service key pair's volume, if the component gets one.
Usage: include "scrapline.serviceIdentityMount" (dict "root" $ "component" "ingest-service")
*/}}
{{- define "scrapline.serviceIdentityMount" -}}
{{- $keys := include "scrapline.serviceIdentityKeys" .component | fromYaml }}
{{- if or $keys.signs $keys.verifies }}
- name: service-identity
  mountPath: {{ include "scrapline.serviceIdentityDir" .root }}
  readOnly: true
{{- end }}
{{- end }}

{{/*
The key ring that seals stored secrets (connectors' credentials, members' webhook secrets) and the egress policy of
what a tenant can point the platform at: for the services that keep such secrets and call such addresses.
*/}}
{{- define "scrapline.secretsAndEgressEnv" -}}
{{- $keys := required "secrets.existingSecret is required (a Secret with the key ring that encrypts stored secrets)" .Values.secrets.existingSecret }}
- name: SCRAPLINE_SECRETS_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ $keys }}
      key: {{ .Values.secrets.keysKey }}
- name: SCRAPLINE_SECRETS_CURRENT_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $keys }}
      key: {{ .Values.secrets.currentKeyKey }}
{{- with .Values.egress.allow }}
- name: SCRAPLINE_EGRESS_ALLOW
  value: {{ join "," . | quote }}
{{- end }}
{{- with .Values.egress.deny }}
- name: SCRAPLINE_EGRESS_DENY
  value: {{ join "," . | quote }}
{{- end }}
{{- end }}

{{/*
Environment of one service container: the common part, what that service alone needs, then its extraEnv.
Usage: include "scrapline.serviceEnv" (dict "root" $ "component" "ingest-service")
*/}}
{{- define "scrapline.serviceEnv" -}}
{{- $root := .root }}
{{- $services := include "scrapline.services" $root | fromYaml }}
{{- $values := index $root.Values (get $services .component) }}
{{- include "scrapline.commonEnv" $root }}
{{- include "scrapline.serviceIdentityEnv" . }}
{{- if eq .component "ingest-service" }}
- name: QUARKUS_REST_CLIENT_COSTING_URL
  value: {{ printf "http://%s:%v" (include "scrapline.componentName" (dict "root" $root "component" "costing-service")) $root.Values.costingService.service.port | quote }}
{{- include "scrapline.secretsAndEgressEnv" $root }}
{{- else if or (eq .component "costing-service") (eq .component "reporting-service") }}
- name: QUARKUS_REST_CLIENT_ALERT_URL
  value: {{ printf "http://%s:%v" (include "scrapline.componentName" (dict "root" $root "component" "alert-service")) $root.Values.alertService.service.port | quote }}
{{- else if eq .component "alert-service" }}
{{- include "scrapline.secretsAndEgressEnv" $root }}
- name: QUARKUS_REST_CLIENT_REPORTING_URL
  value: {{ printf "http://%s:%v" (include "scrapline.componentName" (dict "root" $root "component" "reporting-service")) $root.Values.reportingService.service.port | quote }}
- name: SCRAPLINE_ALERT_PUBLIC_BASE_URL
  value: {{ required "alerts.publicBaseUrl is required by alert-service" $root.Values.alerts.publicBaseUrl | quote }}
- name: QUARKUS_MAILER_HOST
  value: {{ required "mail.host is required by alert-service" $root.Values.mail.host | quote }}
- name: QUARKUS_MAILER_PORT
  value: {{ $root.Values.mail.port | quote }}
- name: QUARKUS_MAILER_FROM
  value: {{ required "mail.from is required by alert-service" $root.Values.mail.from | quote }}
{{- with $root.Values.mail.existingSecret }}
- name: QUARKUS_MAILER_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $root.Values.mail.usernameKey }}
- name: QUARKUS_MAILER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $root.Values.mail.passwordKey }}
{{- end }}
{{- end }}
{{- with $root.Values.tracing.otlpEndpoint }}
- name: QUARKUS_OTEL_SDK_DISABLED
  value: "false"
- name: QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{ include "scrapline.poolEnv" $values }}
{{- with (include "scrapline.podExtras" (dict "root" $root "values" $values) | fromYaml).extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The database pool sizes of a service's pods (database.maxConnections in values.yaml sums them).
*/}}
{{- define "scrapline.poolEnv" -}}
- name: QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE
  value: {{ .database.reactiveMaxSize | quote }}
{{- with .database.jdbcMaxSize }}
- name: QUARKUS_DATASOURCE_JDBC_MAX_SIZE
  value: {{ . | quote }}
{{- end }}
{{- end }}

{{/*
Topology spread of a component's pods over zones and hosts (topologySpread in values.yaml), unless disabled.
*/}}
{{- define "scrapline.topologySpread" -}}
{{- $spread := .root.Values.topologySpread }}
{{- if $spread.enabled }}
{{- range $constraint := list $spread.zone $spread.host }}
{{- if $constraint.topologyKey }}
- topologyKey: {{ $constraint.topologyKey }}
  maxSkew: {{ $constraint.maxSkew }}
  whenUnsatisfiable: {{ $constraint.whenUnsatisfiable }}
  labelSelector:
    matchLabels:
      {{- include "scrapline.componentSelectorLabels" $ | nindent 6 }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Prometheus scrape annotations for a pod that serves /q/metrics on the given (management) port.
*/}}
{{- define "scrapline.metricsAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/path: /q/metrics
prometheus.io/port: {{ . | quote }}
{{- end }}

{{/*
A component's values merged over the global extension points: maps merge (the service's keys win), lists join
(global first), a scalar of the service wins when set.
Usage: include "scrapline.podExtras" (dict "root" $ "values" $values) | fromYaml
*/}}
{{- define "scrapline.podExtras" -}}
{{- $global := .root.Values.global | default dict }}
{{- $values := .values }}
{{- $extras := dict }}
{{- range $key := list "podAnnotations" "podLabels" "nodeSelector" "affinity" }}
{{- $_ := set $extras $key (merge (deepCopy ($values | dig $key dict)) (deepCopy ($global | dig $key dict))) }}
{{- end }}
{{- range $key := list "extraEnv" "extraEnvFrom" "extraVolumes" "extraVolumeMounts" "sidecars" "initContainers" "tolerations" }}
{{- $_ := set $extras $key (concat ($global | dig $key list) ($values | dig $key list)) }}
{{- end }}
{{- $_ := set $extras "priorityClassName" (default ($global | dig "priorityClassName" "") ($values | dig "priorityClassName" "")) }}
{{- $_ := set $extras "topologySpreadConstraints" (default ($global | dig "topologySpreadConstraints" list) ($values | dig "topologySpreadConstraints" list)) }}
{{- toYaml $extras }}
{{- end }}

{{/*
Whether a component scales on its queued work through a KEDA ScaledObject (then it has no CPU HPA).
Usage: include "scrapline.kedaEnabled" (dict "root" $ "values" $values)  → "true" or ""
*/}}
{{- define "scrapline.kedaEnabled" -}}
{{- if and .root.Values.keda.enabled .values.keda.enabled -}}true{{- end }}
{{- end }}

{{/*
Whether a component's replica count is managed by an autoscaler (HPA or KEDA) rather than replicaCount.
*/}}
{{- define "scrapline.autoscaled" -}}
{{- if or .values.autoscaling.enabled (include "scrapline.kedaEnabled" .) -}}true{{- end }}
{{- end }}

{{/*
The fewest replicas a component runs: its autoscaler's minimum, or replicaCount.
*/}}
{{- define "scrapline.minReplicas" -}}
{{- if include "scrapline.autoscaled" . }}{{ .values.autoscaling.minReplicas }}{{ else }}{{ .values.replicaCount }}{{ end }}
{{- end }}

{{/*
The most replicas a component runs: its autoscaler's maximum, or replicaCount.
*/}}
{{- define "scrapline.maxReplicas" -}}
{{- if include "scrapline.autoscaled" . }}{{ .values.autoscaling.maxReplicas }}{{ else }}{{ .values.replicaCount }}{{ end }}
{{- end }}

{{/*
Whether a component gets a PodDisruptionBudget: as pdb.enabled says, or, when that is null, whenever it runs more
than one replica (a budget on a single replica would block every node drain).
*/}}
{{- define "scrapline.pdbEnabled" -}}
{{- $enabled := .values.pdb.enabled }}
{{- if kindIs "invalid" $enabled }}
{{- if gt (int (include "scrapline.minReplicas" .)) 1 }}true{{ end }}
{{- else if $enabled }}true{{ end }}
{{- end }}

{{/*
Refuses values that contradict each other, which the values schema cannot compare: an autoscaler whose minimum is
above its maximum, and a PodDisruptionBudget that lets no pod be evicted (a node drain would wait for ever).
Usage: include "scrapline.validate" (dict "root" $ "key" "ingestService" "values" $values)
*/}}
{{- define "scrapline.validate" -}}
{{- $scaling := .values.autoscaling }}
{{- if gt (int $scaling.minReplicas) (int $scaling.maxReplicas) }}
{{- fail (printf "%s.autoscaling.minReplicas (%v) is above maxReplicas (%v)" .key $scaling.minReplicas $scaling.maxReplicas) }}
{{- end }}
{{- if include "scrapline.pdbEnabled" . }}
{{- $pdb := .values.pdb }}
{{- $replicas := int (include "scrapline.minReplicas" .) }}
{{- if not (kindIs "invalid" $pdb.maxUnavailable) }}
{{- if and (ne (toString $pdb.maxUnavailable) "") (eq (trimSuffix "%" (toString $pdb.maxUnavailable)) "0") }}
{{- fail (printf "%s.pdb.maxUnavailable is 0: the PodDisruptionBudget would block every eviction" .key) }}
{{- end }}
{{- end }}
{{- if or (kindIs "invalid" $pdb.maxUnavailable) (eq (toString $pdb.maxUnavailable) "") }}
{{- $min := toString $pdb.minAvailable }}
{{- if hasSuffix "%" $min }}
{{- /* Kubernetes rounds a percentage of minAvailable up. */}}
{{- $needed := div (add (mul $replicas (int (trimSuffix "%" $min))) 99) 100 }}
{{- if ge (int $needed) $replicas }}
{{- fail (printf "%s.pdb.minAvailable is %s of the %d replica(s) it runs at least, so all of them: the PodDisruptionBudget would block every eviction" .key $min $replicas) }}
{{- end }}
{{- else if ge (int $min) $replicas }}
{{- fail (printf "%s.pdb.minAvailable (%s) is not below the %d replica(s) it runs at least: the PodDisruptionBudget would block every eviction" .key $min $replicas) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Database connections a component opens at most per pod: its reactive pool plus, for ingest, its JDBC pool.
*/}}
{{- define "scrapline.connectionsPerPod" -}}
{{- add (int .values.database.reactiveMaxSize) (int (.values.database.jdbcMaxSize | default 0)) }}
{{- end }}

{{/*
The total-connections formula of values.yaml (database.maxConnections): the sum over the services of their most
replicas times their pools per pod, plus the migration Job (the ingest-service's pools and Flyway's one connection).
*/}}
{{- define "scrapline.totalConnections" -}}
{{- $root := . }}
{{- $total := 0 }}
{{- range $component, $key := include "scrapline.services" $root | fromYaml }}
{{- $ctx := dict "root" $root "values" (index $root.Values $key) }}
{{- $total = add $total (mul (int (include "scrapline.maxReplicas" $ctx)) (int (include "scrapline.connectionsPerPod" $ctx))) }}
{{- end }}
{{- add $total (include "scrapline.connectionsPerPod" (dict "values" $root.Values.ingestService)) 1 }}
{{- end }}

{{/*
Selector labels of every pod of the release (services, migration Job, test pod), for the default-deny policy.
*/}}
{{- define "scrapline.releasePodSelector" -}}
{{ include "scrapline.selectorLabels" . }}
{{- end }}

{{/*
The other components a service calls, as architecture.md lists them: ingest prompts costing, costing and reporting
prompt alert, alert reads the reports it distributes from reporting.
*/}}
{{- define "scrapline.calls" -}}
ingest-service: [costing-service]
costing-service: [alert-service]
reporting-service: [alert-service]
alert-service: [reporting-service]
{{- end }}

{{/*
A NetworkPolicy peer from a namespaceSelector and a podSelector value (each may be empty: all namespaces, all pods).
*/}}
{{- define "scrapline.peer" -}}
namespaceSelector:
  {{- toYaml (.namespaceSelector | default dict) | nindent 2 }}
{{- with .podSelector }}
podSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Egress to the cluster DNS (networkPolicy.dns).
*/}}
{{- define "scrapline.dnsEgress" -}}
{{- $dns := .Values.networkPolicy.dns }}
# Name resolution.
- to:
    - {{- include "scrapline.peer" $dns | nindent 6 }}
  ports:
    - port: {{ $dns.port }}
      protocol: UDP
    - port: {{ $dns.port }}
      protocol: TCP
{{- end }}

{{/*
Egress to the cluster DNS and to PostgreSQL (networkPolicy.database: CIDRs or selectors; any address on the
database port when neither is set).
*/}}
{{- define "scrapline.dnsAndDatabaseEgress" -}}
{{- include "scrapline.dnsEgress" . }}
{{- $database := .Values.networkPolicy.database }}
# PostgreSQL.
- {{- if or $database.cidrs $database.namespaceSelector $database.podSelector }}
  to:
    {{- range $database.cidrs }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
    {{- if or $database.namespaceSelector $database.podSelector }}
    - {{- include "scrapline.peer" $database | nindent 6 }}
    {{- end }}
  {{- end }}
  ports:
    - port: {{ .Values.database.port }}
      protocol: TCP
{{- end }}
