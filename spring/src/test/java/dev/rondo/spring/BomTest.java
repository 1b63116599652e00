package dev.rondo.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * rondo-bom lists every published module of the build at the build's version (it has no parent, so
 * nothing else keeps the two in step). Here because this is the module built after all the others.
 */
class BomTest {

    /** Modules of the root pom that are not published. */
    private static final Set<String> UNPUBLISHED = Set.of("rondo-examples", "rondo-bench", "rondo-bom");

    private final Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();

    @Test
    void listsEveryPublishedModuleAtTheBuildsVersion() throws Exception {
        Document parent = read(root.resolve("pom.xml"));
        Set<String> published = new TreeSet<>();
        for (String module : texts(parent.getDocumentElement(), "modules", "module")) {
            String artifact = text(read(root.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId");
            if (!UNPUBLISHED.contains(artifact)) {
                published.add(artifact);
            }
        }
        Element bom = read(root.resolve("bom/pom.xml")).getDocumentElement();
        assertEquals(text(parent.getDocumentElement(), "version"), text(bom, "version"), "rondo-bom's version");
        Set<String> listed = new TreeSet<>();
        Element managed = child(child(bom, "dependencyManagement"), "dependencies");
        for (Node n = managed.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element dependency) {
                assertEquals("dev.rondo", text(dependency, "groupId"));
                assertEquals("${project.version}", text(dependency, "version"), text(dependency, "artifactId"));
                listed.add(text(dependency, "artifactId"));
            }
        }
        assertEquals(published, listed, "the artifacts rondo-bom manages");
    }

    private static Document read(Path pom) throws Exception {
        assertEquals(true, Files.isRegularFile(pom), pom + " exists");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> texts(Element parent, String list, String item) {
        List<String> texts = new ArrayList<>();
        for (Node n = child(parent, list).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(item)) {
                texts.add(e.getTextContent().trim());
            }
        }
        return texts;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    /** The direct child element {@code name} (not a parent's or a dependency's of the same name). */
    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }
}
