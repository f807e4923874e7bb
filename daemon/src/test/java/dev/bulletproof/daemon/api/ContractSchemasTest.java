package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.Json;
import dev.bulletproof.model.QueueEstimateModel;
import dev.bulletproof.model.QueueModel;
import dev.bulletproof.model.RuleModel;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three descriptions of the API's shapes agree field for field: the OpenAPI document, the shared-model
 * records both Java sides use, and the browser's TypeScript types. A field added to one and not the others
 * fails here, not in a user's browser.
 */
class ContractSchemasTest {

    private static final Path TYPES_TS = Path.of("..", "web-ui", "src", "api", "types.ts");
    private static final ObjectMapper JSON = Json.mapper();
    private static final String QUEUE_SCHEMA = "/components/responses/Queue/content/application~1json/schema";

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            Job,    dev.bulletproof.model.JobModel,    Job
            Stats,  dev.bulletproof.model.StatsModel,  Stats
            Config, dev.bulletproof.model.ConfigModel, Config
            BulkAction, dev.bulletproof.model.BulkActionModel, BulkAction
            BulkActionOutcome, dev.bulletproof.model.BulkActionOutcome, BulkActionOutcome
            WebhookDelivery, dev.bulletproof.model.WebhookDeliveryModel, WebhookDelivery
            Schedule, dev.bulletproof.model.ScheduleModel, Schedule
            FolderSchedule, dev.bulletproof.model.FolderScheduleModel, FolderSchedule
            Node, dev.bulletproof.model.NodeModel, Node
            """)
    void theDocumentTheRecordAndTheTypeScriptTypeHaveTheSameFields(String schema, String record, String tsType)
            throws Exception {
        Set<String> recordFields = serializedFields(Class.forName(record));

        assertThat(schemaFields(document().at("/components/schemas/" + schema)))
                .as("OpenAPI schema " + schema + " vs " + record)
                .containsExactlyInAnyOrderElementsOf(recordFields);
        assertThat(interfaceFields(tsType))
                .as("types.ts " + tsType + " vs " + record)
                .containsExactlyInAnyOrderElementsOf(recordFields);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            Rule
            """)
    void rulesAgreeToo(String tsType) throws Exception {
        Set<String> recordFields = serializedFields(RuleModel.class);

        assertThat(schemaFields(document().at("/components/schemas/Config/properties/rules/items")))
                .containsExactlyInAnyOrderElementsOf(recordFields);
        assertThat(interfaceFields(tsType)).containsExactlyInAnyOrderElementsOf(recordFields);
    }

    @Test
    void watchFoldersAgreeToo() throws Exception {
        Set<String> recordFields = serializedFields(dev.bulletproof.model.WatchFolderModel.class);

        assertThat(schemaFields(document().at("/components/schemas/Config/properties/watch_folders/items")))
                .containsExactlyInAnyOrderElementsOf(recordFields);
        assertThat(interfaceFields("WatchFolder")).containsExactlyInAnyOrderElementsOf(recordFields);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            job_update,    dev.bulletproof.model.ws.ServerMessage$JobUpdate
            stats_update,  dev.bulletproof.model.ws.ServerMessage$StatsUpdate
            queue_update,  dev.bulletproof.model.ws.ServerMessage$QueueUpdate
            config_update, dev.bulletproof.model.ws.ServerMessage$ConfigUpdate
            nodes_update,  dev.bulletproof.model.ws.ServerMessage$NodesUpdate
            alert,         dev.bulletproof.model.ws.ServerMessage$Alert
            pong,          dev.bulletproof.model.ws.ServerMessage$Pong
            """)
    void everyWebSocketMessageHasTheSameFieldsInTypeScript(String type, String record) throws Exception {
        Set<String> recordFields = new LinkedHashSet<>(serializedFields(Class.forName(record)));
        recordFields.add("type");

        assertThat(messageFields(type)).containsExactlyInAnyOrderElementsOf(recordFields);
        assertThat(Arrays.stream(ServerMessage.class.getPermittedSubclasses()).map(Class::getName))
                .contains(record);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            QueueState
            """)
    void theQueueStateAgrees(String tsType) throws Exception {
        assertThat(interfaceFields(tsType)).containsExactlyInAnyOrderElementsOf(serializedFields(QueueModel.class));
        assertThat(schemaFields(document().at(QUEUE_SCHEMA)))
                .containsExactlyInAnyOrderElementsOf(serializedFields(QueueModel.class));
    }

    @Test
    void theQueueEstimatesAgree() throws Exception {
        Set<String> recordFields = serializedFields(QueueEstimateModel.class);

        assertThat(schemaFields(document().at(QUEUE_SCHEMA + "/properties/estimates/items")))
                .containsExactlyInAnyOrderElementsOf(recordFields);
        assertThat(interfaceFields("QueueEstimate")).containsExactlyInAnyOrderElementsOf(recordFields);
    }

    private static Set<String> serializedFields(Class<?> type) {
        BeanDescription description = JSON.getSerializationConfig().introspect(JSON.constructType(type));
        return description.findProperties().stream()
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static JsonNode document() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(HealthService.resource(HealthService.OPENAPI_RESOURCE));
    }

    private static Set<String> schemaFields(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> interfaceFields(String name) throws Exception {
        Matcher block = Pattern.compile("export interface " + name + " \\{(.*?)\\n\\}", Pattern.DOTALL)
                .matcher(Files.readString(TYPES_TS));
        assertThat(block.find()).as("interface " + name + " in " + TYPES_TS).isTrue();
        Set<String> names = new LinkedHashSet<>();
        Matcher field = Pattern.compile("(?m)^  (\\w+)\\??:").matcher(block.group(1));
        while (field.find()) {
            names.add(field.group(1));
        }
        return names;
    }

    private static Set<String> messageFields(String type) throws Exception {
        Matcher member =
                Pattern.compile("\\| \\{ type: '" + type + "';?([^}]*)\\}").matcher(Files.readString(TYPES_TS));
        assertThat(member.find()).as("message " + type + " in " + TYPES_TS).isTrue();
        Set<String> names = new LinkedHashSet<>();
        names.add("type");
        Matcher field = Pattern.compile("(\\w+)\\??:").matcher(member.group(1));
        while (field.find()) {
            names.add(field.group(1));
        }
        return names;
    }

    static {
        // Referenced so an unused-import check never removes what the CSV names as strings.
        Set.of(JobModel.class, StatsModel.class, ConfigModel.class);
    }
}
