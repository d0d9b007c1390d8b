{{/* The release's name is every object's prefix: "reviewloop" gives the names the Kustomize
base uses (reviewloop-ingest, ...). */}}
{{- define "reviewloop.fullname" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "reviewloop.image" -}}
{{- $image := .Values.image -}}
{{- if $image.digest -}}
{{ $image.repository }}@{{ $image.digest }}
{{- else -}}
{{ $image.repository }}:{{ $image.tag | default .Chart.AppVersion }}
{{- end -}}
{{- end -}}

{{- define "reviewloop.labels" -}}
app.kubernetes.io/part-of: reviewloop
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* What the chart knows of each process (ports and modules as in each service's settings.py). The
scaled topic and group of a consumer: the one that carries its work (KEDA's lag trigger). */}}
{{- define "reviewloop.catalog" -}}
ingest:
  port: 8001
  module: services.ingest
  component: api
  prefix: INGEST
  kafka: true
  secret: ingest
survey:
  port: 8002
  module: services.survey
  component: consumer
  prefix: SURVEY
  kafka: true
  secret: survey
  group: survey.orders
  topic: reviewloop.orders
  partitions: 6
notifier:
  port: 8003
  module: services.notifier
  component: consumer
  prefix: NOTIFIER
  kafka: true
  secret: notifier
  group: notifier.events
  topic: reviewloop.reviews.classified
  partitions: 6
responder:
  port: 8004
  module: services.responder
  component: consumer
  prefix: RESPONDER
  kafka: true
  secret: responder
  group: responder.events
  topic: reviewloop.reviews.classified
  partitions: 6
storefront:
  port: 8005
  module: services.responder.storefront
  component: api
  prefix: STOREFRONT
  kafka: false
  secret: responder
{{- end -}}

{{- define "reviewloop.sasl" -}}
{{- if hasPrefix "SASL" .Values.kafka.securityProtocol }}true{{ end -}}
{{- end -}}

{{/* Secrets a service's settings need: [env suffix, secrets.<kind>, key, optional]. */}}
{{- define "reviewloop.secretEnv" -}}
ingest:
  - [API_TOKEN, ingest, api-token, false]
  - [ADMIN_TOKEN, ingest, admin-token, false]
  - [DB_PASSWORD, ingest, db-password, false]
survey:
  - [API_TOKEN, survey, api-token, false]
  - [DB_PASSWORD, survey, db-password, false]
  - [TOKEN_SECRET, survey, token-secret, false]
  - [SUPPRESSION_PEPPER, survey, suppression-pepper, false]
  - [SMTP_USERNAME, smtp, username, true]
  - [SMTP_PASSWORD, smtp, password, true]
notifier:
  - [API_TOKEN, notifier, api-token, false]
  - [DB_PASSWORD, notifier, db-password, false]
  - [SMTP_USERNAME, smtp, username, true]
  - [SMTP_PASSWORD, smtp, password, true]
responder:
  - [API_TOKEN, responder, api-token, false]
  - [DB_PASSWORD, responder, db-password, false]
  - [JWT_SECRET, responder, jwt-secret, false]
  - [BOOTSTRAP_ADMIN_KEY, responder, bootstrap-admin-key, false]
  - [INGEST_ADMIN_TOKEN, ingest, admin-token, false]
  - [SURVEY_API_TOKEN, survey, api-token, false]
  - [NOTIFIER_API_TOKEN, notifier, api-token, false]
storefront:
  - [DB_PASSWORD, responder, db-password, false]
{{- end -}}

{{/* The env list of a service's container: its secrets, and its Kafka password with SASL.
Call with (dict "root" $ "name" "survey"). */}}
{{- define "reviewloop.env" -}}
{{- $root := .root -}}
{{- $entry := get (fromYaml (include "reviewloop.catalog" $root)) .name -}}
{{- range (get (fromYaml (include "reviewloop.secretEnv" $root)) .name) }}
- name: {{ $entry.prefix }}_{{ index . 0 }}
  valueFrom:
    secretKeyRef:
      name: {{ get $root.Values.secrets (index . 1) }}
      key: {{ index . 2 }}
      {{- if index . 3 }}
      optional: true
      {{- end }}
{{- end }}
{{- if and $entry.kafka (include "reviewloop.sasl" $root) }}
- name: {{ $entry.prefix }}_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      {{- if $root.Values.kafka.strimzi.users }}
      name: {{ include "reviewloop.fullname" $root }}-{{ .name }}-kafka
      key: password
      {{- else }}
      name: {{ get $root.Values.secrets $entry.secret }}
      key: kafka-password
      {{- end }}
{{- end }}
{{- end -}}

{{- define "reviewloop.containerSecurity" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* A process's settings (the ConfigMap's data). Call with (dict "root" $ "name" "survey"). */}}
{{- define "reviewloop.config" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $name := .name -}}
{{- $full := include "reviewloop.fullname" $root -}}
{{- $entry := get (fromYaml (include "reviewloop.catalog" $root)) $name -}}
{{- $p := printf "%s_" $entry.prefix -}}
{{- $config := dict
  (print $p "ENVIRONMENT") $v.environment
  (print $p "LOG_LEVEL") $v.logLevel
  (print $p "HTTP_HOST") "0.0.0.0"
  (print $p "HTTP_PORT") (toString $entry.port)
  (print $p "DB_HOST") $v.database.host
  (print $p "DB_PORT") (toString $v.database.port)
  (print $p "DB_NAME") $v.database.name
  (print $p "DB_POOL_MAX_SIZE") (toString $v.database.poolMaxSize)
-}}
{{- if $entry.kafka }}
{{- $_ := set $config (print $p "KAFKA_BOOTSTRAP_SERVERS") $v.kafka.bootstrapServers }}
{{- $_ := set $config (print $p "KAFKA_CREATE_TOPICS") (toString $v.kafka.createTopics) }}
{{- if $v.kafka.createTopics }}
{{- $_ := set $config (print $p "KAFKA_TOPIC_REPLICATION_FACTOR") (toString $v.kafka.replicationFactor) }}
{{- if $v.kafka.topicConfigs }}
{{- $_ := set $config (print $p "KAFKA_TOPIC_CONFIGS") (toJson $v.kafka.topicConfigs) }}
{{- end }}
{{- end }}
{{- if $v.kafka.topicPrefix }}
{{- $_ := set $config (print $p "KAFKA_TOPIC_PREFIX") $v.kafka.topicPrefix }}
{{- end }}
{{- if ne $v.kafka.securityProtocol "PLAINTEXT" }}
{{- $_ := set $config (print $p "KAFKA_SECURITY_PROTOCOL") $v.kafka.securityProtocol }}
{{- end }}
{{- if include "reviewloop.sasl" $root }}
{{- $_ := set $config (print $p "KAFKA_SASL_MECHANISM") $v.kafka.saslMechanism }}
{{- $_ := set $config (print $p "KAFKA_SASL_USERNAME") (include "reviewloop.kafkaUser" (dict "root" $root "name" $name)) }}
{{- end }}
{{- if $v.kafka.caSecret }}
{{- $_ := set $config (print $p "KAFKA_SSL_CA_FILE") "/etc/reviewloop/kafka-ca/ca.crt" }}
{{- end }}
{{- end }}
{{- if or (eq $name "survey") (eq $name "notifier") }}
{{- $_ := set $config (print $p "SMTP_HOST") $v.smtp.host }}
{{- $_ := set $config (print $p "SMTP_PORT") (toString $v.smtp.port) }}
{{- $_ := set $config (print $p "SMTP_STARTTLS") (toString $v.smtp.starttls) }}
{{- $_ := set $config (print $p "MESSAGE_ID_DOMAIN") $v.smtp.messageIdDomain }}
{{- if $v.smtp.maxSessionsPerService }}
{{- $_ := set $config (print $p "SMTP_MAX_SESSIONS") (toString $v.smtp.maxSessionsPerService) }}
{{- end }}
{{- end }}
{{- if eq $name "survey" }}
{{- $_ := set $config "SURVEY_PUBLIC_BASE_URL" $v.publicUrls.surveys }}
{{- $_ := set $config "SURVEY_STOREFRONT_PUBLIC_URL" $v.publicUrls.reviews }}
{{- $_ := set $config "SURVEY_FROM_ADDRESS" $v.smtp.surveyFrom }}
{{- end }}
{{- if eq $name "notifier" }}
{{- $_ := set $config "NOTIFIER_RESPONDER_BASE_URL" $v.publicUrls.console }}
{{- $_ := set $config "NOTIFIER_FROM_ADDRESS" $v.smtp.alertsFrom }}
{{- end }}
{{- if eq $name "responder" }}
{{- $_ := set $config "RESPONDER_INGEST_URL" (printf "http://%s-ingest:8001" $full) }}
{{- $_ := set $config "RESPONDER_INGEST_PUBLIC_URL" $v.publicUrls.ingest }}
{{- $_ := set $config "RESPONDER_SURVEY_URL" (printf "http://%s-survey:8002" $full) }}
{{- $_ := set $config "RESPONDER_NOTIFIER_URL" (printf "http://%s-notifier:8003" $full) }}
{{- $_ := set $config "RESPONDER_CONSOLE_PUBLIC_URL" $v.publicUrls.console }}
{{- end }}
{{- if eq $name "storefront" }}
{{- $_ := set $config "STOREFRONT_PUBLIC_URL" $v.publicUrls.reviews }}
{{- $_ := set $config "STOREFRONT_TRUSTED_PROXIES" (toJson $v.services.storefront.trustedProxies) }}
{{- end }}
{{- range $key, $value := (get $v.services $name).config }}
{{- $_ := set $config (print $p $key) (toString $value) }}
{{- end }}
{{- toYaml $config }}
{{- end -}}

{{/* The Kafka user a service logs in as: its KafkaUser with kafka.strimzi.users. */}}
{{- define "reviewloop.kafkaUser" -}}
{{- include "reviewloop.fullname" .root }}-{{ .name }}{{ if .root.Values.kafka.strimzi.users }}-kafka{{ end }}
{{- end -}}

{{/* Every topic of the product (shared/topics.py; a test keeps them equal): name, partitions,
retention in days (dead letters as long as the inboxes remember event ids). */}}
{{- define "reviewloop.topics" -}}
- [reviewloop.orders, 6, 7]
- [reviewloop.surveys, 6, 7]
- [reviewloop.reviews, 6, 7]
- [reviewloop.reviews.classified, 6, 7]
- [reviewloop.replies, 6, 7]
- [reviewloop.shops, 3, 7]
- [reviewloop.privacy, 3, 7]
- [reviewloop.orders.dlq, 2, 14]
- [reviewloop.surveys.dlq, 2, 14]
- [reviewloop.reviews.dlq, 2, 14]
- [reviewloop.reviews.classified.dlq, 2, 14]
- [reviewloop.replies.dlq, 2, 14]
- [reviewloop.shops.dlq, 2, 14]
- [reviewloop.privacy.dlq, 2, 14]
{{- end -}}
