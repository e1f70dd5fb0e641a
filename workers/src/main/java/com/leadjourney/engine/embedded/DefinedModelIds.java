package com.leadjourney.engine.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The ids a deployed resource would define in the engine: BPMN process ids, DMN decision ids and
 * the DMN's decision requirements id. Read with a parser that refuses DTDs and external entities,
 * so what it cannot read is refused rather than guessed at.
 */
final class DefinedModelIds {

  private static final Pattern MODEL_ENDINGS = Pattern.compile("\\.(bpmn|xml|dmn)$", Pattern.CASE_INSENSITIVE);

  private DefinedModelIds() {}

  /**
   * Ids defined by one resource. The engine reads a resource as BPMN or DMN by its name's ending, in
   * whatever encoding the XML declares, so those are parsed the same way; anything else (a form, an
   * RPA script: JSON) defines neither.
   */
  static Set<String> of(final String name, final byte[] content) throws UnreadableModelException {
    if (!MODEL_ENDINGS.matcher(name).find()) {
      return Set.of();
    }
    final Document document = parse(content);
    final Set<String> ids = new HashSet<>();
    final Element root = document.getDocumentElement();
    if (root.getNamespaceURI() != null && root.getNamespaceURI().contains("/DMN/") && root.hasAttribute("id")) {
      ids.add(root.getAttribute("id"));
    }
    addIds(document.getElementsByTagNameNS("*", "process"), ids);
    addIds(document.getElementsByTagNameNS("*", "decision"), ids);
    return ids;
  }

  private static void addIds(final NodeList elements, final Set<String> ids) {
    for (int i = 0; i < elements.getLength(); i++) {
      ids.add(((Element) elements.item(i)).getAttribute("id"));
    }
  }

  private static Document parse(final byte[] content) throws UnreadableModelException {
    try {
      final var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      final var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
      return builder.parse(new ByteArrayInputStream(content));
    } catch (final ParserConfigurationException | SAXException | IOException e) {
      throw new UnreadableModelException(e.getMessage());
    }
  }

  static final class UnreadableModelException extends Exception {
    UnreadableModelException(final String message) {
      super(message);
    }
  }
}
