package org.grad4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.grad4j.data.Normalization;
import org.grad4j.data.Task;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static Architecture book() {
        return Architecture.feedForward(Task.CLASSIFICATION, new int[] {784, 50, 10}, "sigmoid", "cross-entropy",
                Normalization.divide(784, 255));
    }

    @Test
    void theBooksNetworkAsJson() {
        assertThat(book().toJson()).isEqualTo("{\"format\":\"grad4j-architecture\",\"version\":1,\"task\":\"classification\","
                + "\"layers\":[{\"type\":\"linear\",\"in\":784,\"out\":50,\"weight\":\"W1\",\"bias\":\"b1\"},{\"type\":\"sigmoid\"},"
                + "{\"type\":\"linear\",\"in\":50,\"out\":10,\"weight\":\"W2\",\"bias\":\"b2\"}],\"activation\":\"sigmoid\","
                + "\"loss\":\"cross-entropy\",\"normalization\":{\"kind\":\"divide\",\"features\":784,\"divisor\":255}}");
        assertThat(book().inputs()).isEqualTo(784);
        assertThat(book().outputs()).isEqualTo(10);
    }

    @Test
    void roundTripsEveryLayerTypeAndNormalization() {
        Normalization std = new Normalization(Normalization.Kind.STANDARDIZE, new double[] {0.1, -3}, new double[] {1e-7, 2.5});
        Architecture a = new Architecture(Task.REGRESSION, List.of(
                LayerSpec.linear(2, 8, "W1", "b1"), LayerSpec.batchnorm(8, 1e-5, 0.1, "1"), LayerSpec.activation("relu"),
                LayerSpec.dropout(0.5), LayerSpec.linear(8, 1, "W2", "b2")), "relu", "mse", std);
        Architecture back = Architecture.fromJson(a.toJson());
        assertThat(back).isEqualTo(a);
        assertThat(back.normalization().shift()).containsExactly(0.1, -3);
        assertThat(back.layers().get(1).params()).containsEntry("running_var", "running_var1");
        Architecture none = Architecture.feedForward(Task.CLASSIFICATION, new int[] {5, 3}, "sigmoid", "cross-entropy",
                Normalization.none(5));
        assertThat(none.activation()).isEqualTo("none");
        assertThat(Architecture.fromJson(none.toJson())).isEqualTo(none);
    }

    @Test
    void theTargetColumnIsRecordedWhenKnownAndDocumentsWithoutItStillRead() {
        Architecture a = book().withTarget("label");
        assertThat(a.toJson()).endsWith(",\"target\":\"label\"}");
        assertThat(Architecture.fromJson(a.toJson()).target()).isEqualTo("label");
        assertThat(book().toJson()).doesNotContain("target");
        assertThat(Architecture.fromJson(book().toJson()).target()).as("a document written before targets were recorded")
                .isNull();
        assertThatThrownBy(() -> Architecture.fromJson(a.toJson().replace("\"label\"", "3")))
                .hasMessage("architecture: 'target' of the document is 3.0, expected a string");
        assertThatThrownBy(() -> book().withTarget("")).hasMessage("architecture: the target column's name is empty");
    }

    @Test
    void anInvalidDocumentSaysWhat() {
        String good = book().toJson();
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("cross-entropy", "hinge")))
                .hasMessage("architecture: unknown loss 'hinge' (expected bce, cross-entropy or mse)");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("{\"type\":\"sigmoid\"}", "{\"type\":\"relu\"}")))
                .hasMessage("architecture: layer 2 (relu) is not the declared activation 'sigmoid'");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("\"in\":50", "\"in\":40")))
                .hasMessage("architecture: layer 3 (linear) takes 40 inputs, but the layer before gives 50");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("\"in\":784", "\"in\":78.5")))
                .hasMessage("architecture: layer 1 (linear): in is 78.5, expected a whole number >= 1");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("\"type\":\"sigmoid\"", "\"type\":\"conv2d\"")))
                .hasMessage("architecture: layer 2 (conv2d): unknown layer type (expected linear, sigmoid, relu, tanh,"
                        + " dropout or batchnorm)");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("\"weight\":\"W1\"", "\"weigth\":\"W1\"")))
                .hasMessage("architecture: layer 1 (linear): unknown key 'weigth'");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("\"version\":1", "\"version\":2")))
                .hasMessage("architecture: version 2.0 is not supported (this grad4j reads version 1)");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("\"features\":784", "\"features\":783")))
                .hasMessage("architecture: normalization of 783 features, but layer 1 takes 784 inputs");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("classification", "ranking")))
                .hasMessage("architecture: Invalid task: 'ranking' (expected classification or regression)");
        assertThatThrownBy(() -> Architecture.fromJson("[1]"))
                .hasMessage("architecture: the document is a list, expected an object");
        assertThatThrownBy(() -> Architecture.fromJson(good.replace("\"divisor\":255", "\"divisor\":0")))
                .hasMessage("architecture: normalization: scale 0.0 of feature 0 is not a finite nonzero number");
        assertThatThrownBy(() -> LayerSpec.dropout(1.0))
                .hasMessage("architecture: layer (dropout): dropout probability has to be between 0 and 1, but got 1.0");
    }
}
