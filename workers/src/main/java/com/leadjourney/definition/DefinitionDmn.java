package com.leadjourney.definition;

import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The criteria table and the {@code lead-qualification} DMN are two views of one definition: the
 * DMN is generated from the criteria (a COLLECT table: every matching row gives criterion, points,
 * verdict and the definition version), and a DMN edited in Camunda Modeler is read back into
 * criteria — so both round-trip. FEEL is checked by the engine's own DMN parser.
 */
public final class DefinitionDmn {

  public static final String DECISION_ID = "lead-qualification";
  /** The decision requirements graph the generated DMN puts the decision in. */
  static final String DECISION_REQUIREMENTS_ID = "Definitions_LeadQualification";
  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  /** The agreed fields, in the table's column order: name, label, FEEL type. */
  public static final List<String[]> FIELDS = List.of(
      new String[] {"industry", "Industry", "string"},
      new String[] {"role", "Role", "string"},
      new String[] {"seniority", "Seniority", "string"},
      new String[] {"decisionStage", "Decision stage", "string"},
      new String[] {"budget", "Budget", "string"},
      new String[] {"pathToPurchase", "Path to purchase", "string"},
      new String[] {"pain", "Pain", "string"},
      new String[] {"companySize", "Company size (employees)", "number"},
      new String[] {"annualRevenue", "Annual revenue (USD)", "number"});

  /** A custom field is tested as {@code customFields.<name>}: what forms and imports put beyond the agreed fields. */
  public static final String CUSTOM = "customFields.";
  private static final java.util.regex.Pattern CUSTOM_FIELD = java.util.regex.Pattern.compile("customFields\\.[A-Za-z][A-Za-z0-9_]{0,39}");

  private static final DecisionEngine ENGINE = DecisionEngineFactory.createDecisionEngine();

  /** The engine's DMN evaluator, shared: checking a definition and replaying it judge the same way. */
  static DecisionEngine engine() {
    return ENGINE;
  }

  static boolean known(final String field) {
    return FIELDS.stream().anyMatch(f -> f[0].equals(field)) || CUSTOM_FIELD.matcher(field).matches();
  }

  /** The table's columns: the agreed fields, then every custom field a criterion tests. */
  private static List<String> columns(final List<Criterion> criteria) {
    final List<String> columns = new ArrayList<>(FIELDS.stream().map(f -> f[0]).toList());
    criteria.stream().flatMap(c -> c.tests().keySet().stream()).filter(f -> f.startsWith(CUSTOM)).distinct().sorted().forEach(columns::add);
    return columns;
  }

  private DefinitionDmn() {}

  /** Thrown for a DMN or criteria table the engine could not run; the message says why. */
  public static final class InvalidDefinition extends IllegalArgumentException {
    InvalidDefinition(final String message) {
      super(message);
    }
  }

  public static String toXml(final String version, final List<Criterion> criteria) {
    final var xml = new StringBuilder();
    xml.append("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" \
        xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" \
        id="Definitions_LeadQualification" name="Lead qualification" namespace="http://leadjourney.com/dmn" exporter="lead-journey" \
        exporterVersion="1" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
          <decision id="lead-qualification" name="Lead qualification (agreed definition)">
            <description>The one definition of a qualified lead marketing and sales signed, version %s: every matching criterion adds its \
        points to the fit score; a disqualify verdict ends the journey with that criterion as reason. Thresholds (MQL fit and \
        engagement) live with the definition version.</description>
            <decisionTable id="DecisionTable_LeadQualification" hitPolicy="COLLECT">
        """.formatted(escape(version)));
    for (final String[] field : FIELDS) {
      xml.append("      <input id=\"Input_%1$s\" label=\"%2$s\"><inputExpression id=\"InputExpression_%1$s\" typeRef=\"%3$s\"><text>%1$s</text></inputExpression></input>\n"
          .formatted(field[0], field[1], field[2]));
    }
    final List<String> columns = columns(criteria);
    for (final String custom : columns.subList(FIELDS.size(), columns.size())) {
      final String id = "custom_" + custom.substring(CUSTOM.length());
      xml.append("      <input id=\"Input_%1$s\" label=\"%2$s\"><inputExpression id=\"InputExpression_%1$s\"><text>%2$s</text></inputExpression></input>\n"
          .formatted(id, custom));
    }
    xml.append("""
              <output id="Output_criterion" label="Criterion" name="criterion" typeRef="string" />
              <output id="Output_points" label="Points" name="points" typeRef="number" />
              <output id="Output_verdict" label="Verdict" name="verdict" typeRef="string" />
              <output id="Output_definitionVersion" label="Definition version" name="definitionVersion" typeRef="string" />
        """);
    for (int i = 0; i < criteria.size(); i++) {
      final Criterion c = criteria.get(i);
      final String rule = String.format("Rule_%02d", i + 1);
      xml.append("      <rule id=\"%s\"><description>%s</description>\n".formatted(rule, escape(c.label())));
      for (final String column : columns) {
        xml.append("        <inputEntry id=\"%s_%s\"><text>%s</text></inputEntry>\n"
            .formatted(rule, column.replace(CUSTOM, "custom_"), escape(c.tests().getOrDefault(column, "-"))));
      }
      xml.append("        <outputEntry id=\"%1$s_criterion\"><text>%2$s</text></outputEntry>\n".formatted(rule, escape(quoted(c.label()))));
      xml.append("        <outputEntry id=\"%1$s_points\"><text>%2$d</text></outputEntry>\n".formatted(rule, c.points()));
      xml.append("        <outputEntry id=\"%1$s_verdict\"><text>%2$s</text></outputEntry>\n".formatted(rule, escape(quoted(c.verdict()))));
      xml.append("        <outputEntry id=\"%1$s_definitionVersion\"><text>%2$s</text></outputEntry>\n".formatted(rule, escape(quoted(version))));
      xml.append("      </rule>\n");
    }
    xml.append("""
            </decisionTable>
          </decision>
          <dmndi:DMNDI>
            <dmndi:DMNDiagram id="DMNDiagram_LeadQualification">
              <dmndi:DMNShape id="DMNShape_LeadQualification" dmnElementRef="lead-qualification">
                <dc:Bounds height="80" width="180" x="160" y="100" />
              </dmndi:DMNShape>
            </dmndi:DMNDiagram>
          </dmndi:DMNDI>
        </definitions>
        """);
    return xml.toString();
  }

  /** The criteria of a {@code lead-qualification} DMN (as exported by Camunda Modeler or by {@link #toXml}). */
  public static List<Criterion> criteriaOf(final String xml) {
    final var document = parse(xml);
    final Element decision = decision(document.getElementsByTagNameNS(DMN_NS, "decision"));
    final Element table = first(decision.getElementsByTagNameNS(DMN_NS, "decisionTable"), "a decision table");
    if (!"COLLECT".equals(table.getAttribute("hitPolicy"))) {
      throw new InvalidDefinition("the decision table's hit policy must be COLLECT (every matching criterion counts)");
    }
    final List<String> inputs = new ArrayList<>();
    final NodeList inputNodes = table.getElementsByTagNameNS(DMN_NS, "input");
    for (int i = 0; i < inputNodes.getLength(); i++) {
      final String expression = text(first(((Element) inputNodes.item(i)).getElementsByTagNameNS(DMN_NS, "text"), "an input expression"));
      if (!known(expression)) {
        throw new InvalidDefinition("input '" + expression + "' is not one of the agreed fields " + FIELDS.stream().map(f -> f[0]).toList()
            + " nor a custom field customFields.<name>");
      }
      inputs.add(expression);
    }
    final List<String> outputs = new ArrayList<>();
    final NodeList outputNodes = table.getElementsByTagNameNS(DMN_NS, "output");
    for (int i = 0; i < outputNodes.getLength(); i++) {
      outputs.add(((Element) outputNodes.item(i)).getAttribute("name"));
    }
    if (!outputs.containsAll(List.of("criterion", "points", "verdict"))) {
      throw new InvalidDefinition("the decision table needs the outputs criterion, points and verdict, not " + outputs);
    }
    final List<Criterion> criteria = new ArrayList<>();
    final NodeList rules = table.getElementsByTagNameNS(DMN_NS, "rule");
    for (int r = 0; r < rules.getLength(); r++) {
      final Element rule = (Element) rules.item(r);
      final NodeList in = rule.getElementsByTagNameNS(DMN_NS, "inputEntry");
      final NodeList out = rule.getElementsByTagNameNS(DMN_NS, "outputEntry");
      final Map<String, String> tests = new LinkedHashMap<>();
      for (int i = 0; i < in.getLength() && i < inputs.size(); i++) {
        final String test = text((Element) in.item(i));
        if (!test.isBlank() && !"-".equals(test)) {
          tests.put(inputs.get(i), test);
        }
      }
      final Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < out.getLength() && i < outputs.size(); i++) {
        values.put(outputs.get(i), text((Element) out.item(i)));
      }
      try {
        criteria.add(new Criterion(tests, unquoted(values.get("criterion")), Integer.parseInt(values.get("points")), unquoted(values.get("verdict"))));
      } catch (final NumberFormatException e) {
        throw new InvalidDefinition("rule " + (r + 1) + ": points must be a whole number, not '" + values.get("points") + "'");
      }
    }
    return criteria;
  }

  /** Criteria the engine can run: known fields, a label, a known verdict, FEEL it can parse. */
  public static void check(final String version, final List<Criterion> criteria) {
    if (criteria == null || criteria.isEmpty()) {
      throw new InvalidDefinition("a definition needs at least one criterion");
    }
    for (int i = 0; i < criteria.size(); i++) {
      final Criterion c = criteria.get(i);
      final String where = "criterion " + (i + 1) + ": ";
      if (c.tests() == null || c.tests().isEmpty()) {
        throw new InvalidDefinition(where + "needs at least one test, e.g. {\"budget\": \"\\\"approved\\\"\"}");
      }
      for (final String field : c.tests().keySet()) {
        if (!known(field)) {
          throw new InvalidDefinition(where + "'" + field + "' is not one of the agreed fields " + FIELDS.stream().map(f -> f[0]).toList()
              + " nor a custom field customFields.<name>");
        }
      }
      if (c.label() == null || c.label().isBlank() || c.label().length() > 200) {
        throw new InvalidDefinition(where + "needs a label of up to 200 characters (the decision trace shows it)");
      }
      if (!Criterion.FIT.equals(c.verdict()) && !Criterion.DISQUALIFY.equals(c.verdict())) {
        throw new InvalidDefinition(where + "verdict must be fit or disqualify");
      }
      if (c.points() < 0 || c.points() > 1000) {
        throw new InvalidDefinition(where + "points must be between 0 and 1000");
      }
    }
    final var parsed = ENGINE.parse(new ByteArrayInputStream(toXml(version, criteria).getBytes(StandardCharsets.UTF_8)));
    if (!parsed.isValid()) {
      throw new InvalidDefinition("the engine cannot run this definition: " + parsed.getFailureMessage());
    }
  }

  private static org.w3c.dom.Document parse(final String xml) {
    try {
      final var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (final SAXException | IOException e) {
      throw new InvalidDefinition("not a DMN file: " + e.getMessage());
    } catch (final ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Element decision(final NodeList decisions) {
    for (int i = 0; i < decisions.getLength(); i++) {
      if (DECISION_ID.equals(((Element) decisions.item(i)).getAttribute("id"))) {
        return (Element) decisions.item(i);
      }
    }
    throw new InvalidDefinition("the DMN has no decision with id '" + DECISION_ID + "'");
  }

  private static Element first(final NodeList nodes, final String what) {
    if (nodes.getLength() == 0) {
      throw new InvalidDefinition("the DMN lacks " + what);
    }
    return (Element) nodes.item(0);
  }

  private static String text(final Element element) {
    return element.getTextContent().strip();
  }

  private static String quoted(final String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String unquoted(final String feel) {
    if (feel == null) {
      return null;
    }
    final String s = feel.strip();
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\") : s;
  }

  /** Element text: quotes stay as they are (FEEL strings read as in Modeler), markup is escaped. */
  private static String escape(final String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
